"""The questionnaire: questions as data and the one place that prompts."""
