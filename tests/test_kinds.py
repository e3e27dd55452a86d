"""The table of requirement kinds covers every kind the rules model knows, once each."""

from __future__ import annotations

import typing

from lmspath.engine.kinds import KINDS
from lmspath.model.profile import FIELDS
from lmspath.model.results import StepKind
from lmspath.model.rules import Requirement, _RequirementBase
from lmspath.store.load import available_states, load_state


def _model_kinds() -> dict[str, type]:
    """Each requirement model of the rules (the discriminated union), by its ``kind``."""
    found: dict[str, type] = {}
    for model in typing.get_args(Requirement):
        (kind,) = typing.get_args(typing.get_type_hints(model)["kind"])
        assert kind not in found, f"two models claim kind {kind!r}"
        found[kind] = model
    return found


def test_every_model_kind_has_exactly_one_entry() -> None:
    models = _model_kinds()
    assert set(KINDS) == set(models)
    for name, kind in KINDS.items():
        assert kind.model is models[name], name
    # no model is named by two entries, and every requirement model is in the union
    assert len({kind.model for kind in KINDS.values()}) == len(KINDS)
    assert set(models.values()) == set(_RequirementBase.__subclasses__())


def test_entries_name_real_fields_and_step_kinds() -> None:
    steps = set(typing.get_args(StepKind))
    for name, kind in KINDS.items():
        assert set(kind.fields) <= set(FIELDS), name
        assert kind.step in steps, name


def test_thresholds_compare_fields_the_kind_reads() -> None:
    """Every threshold the data's rules give is on a field its kind's check reads."""
    seen = 0
    for code in available_states():
        for pathway in load_state(code).pathways:
            stack = list(pathway.requirements)
            while stack:
                req = stack.pop()
                stack.extend(getattr(req, "options", []))
                kind = KINDS[req.kind]
                for field, value in kind.thresholds(req):
                    seen += 1
                    assert field.split(":")[0] in kind.fields, (code, req.id, field)
                    assert value >= 0, (code, req.id)
    assert seen > 50
