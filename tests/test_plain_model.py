"""The plain classes of lmspath.model mirror the pydantic schemas exactly: generated from them,
read and written as the schemas read and write, frozen, and free of pydantic."""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest

from lmspath.model.frozen import Plain
from lmspath.model.market import MarketFile
from lmspath.model.programs import ProgramFile
from lmspath.model.rules import Estimates, ExamCatalog, Source, StateRules
from lmspath.model.skills import Taxonomy
from lmspath.schema import generate
from lmspath.store.load import available_states, load_state, schema_of, validated

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"


def test_generated_classes_are_up_to_date() -> None:
    """Each plain module is what the generator writes from its schema today."""
    assert generate.main(["--check"]) == 0


def _files() -> list[tuple[Path, type[Plain]]]:
    found: list[tuple[Path, type[Plain]]] = [
        (DATA / "requirements" / f"{code}.yaml", StateRules) for code in available_states()
    ]
    found += [(path, ExamCatalog) for path in sorted((DATA / "exams").glob("*.yaml"))]
    found += [(path, ProgramFile) for path in sorted((DATA / "programs").glob("*.yaml"))]
    found += [
        (DATA / "estimates.yaml", Estimates),
        (DATA / "skills.yaml", Taxonomy),
        (DATA / "market.yaml", MarketFile),
    ]
    return found


@pytest.mark.parametrize(("path", "model"), _files(), ids=lambda v: getattr(v, "name", ""))
def test_every_data_file_reads_and_writes_as_its_schema(path: Path, model: type[Plain]) -> None:
    """The schema's JSON of a file, read into plain objects and written back, is unchanged, and
    the schema accepts what the plain objects write: nothing is lost or added either way."""
    data = validated(path, model)
    plain = model.from_json(data)
    assert plain.to_json() == data
    assert schema_of(model).model_validate(plain.to_json()).model_dump(mode="json") == data
    assert model.from_json(plain.to_json()) == plain


def test_plain_objects_are_frozen_hashable_and_pickle() -> None:
    rules = load_state("TX")
    with pytest.raises(AttributeError, match="frozen"):
        rules.code = "OK"
    with pytest.raises(AttributeError, match="frozen"):
        del rules.name
    src = rules.sources[0]
    assert isinstance(src, Source)
    assert hash(src) == hash(src.replace())
    assert src.replace(title="x") != src
    assert src.replace(title="x").title == "x"
    assert pickle.loads(pickle.dumps(rules)) == rules


def test_floats_are_stored_as_floats_as_the_schema_stores_them() -> None:
    """An int given for a float field is kept as a float, so the JSON report writes 12.0 as the
    schema did, not 12."""
    from lmspath.model.results import Plan

    plan = Plan(
        pathway="p",
        steps=[],
        months=(12, 24),
        cost_usd=None,
        unestimated=[],
        total_note="",
        complete=True,
    )
    assert plan.months == (12.0, 24.0)
    assert all(type(v) is float for v in plan.months or ())


def test_the_plain_model_never_imports_pydantic() -> None:
    probe = (
        "import sys\nimport lmspath.model.rules, lmspath.model.results, lmspath.model.skills\n"
        "import lmspath.model.profile, lmspath.model.report, lmspath.model.market\n"
        "import lmspath.model.programs, lmspath.model.compare, lmspath.engine.assess\n"
        "print(sorted(m for m in sys.modules if m.startswith('pydantic')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert out.stdout.strip() == "[]"


def test_replace_converts_what_init_converts_and_refuses_unknown_fields() -> None:
    from lmspath.model.results import Plan

    plan = Plan(pathway="p", steps=[], months=None, cost_usd=None, unestimated=[], total_note="")
    later = plan.replace(months=(3, 6))
    assert later.months == (3.0, 6.0)
    assert all(type(v) is float for v in later.months or ())
    renamed = plan.replace(pathway="q")
    assert renamed.pathway == "q"
    assert renamed.unestimated == []
    assert renamed.complete
    assert plan.pathway == "p"
    with pytest.raises(TypeError, match="no field 'pathways'"):
        plan.replace(pathways="q")


def test_a_taxonomy_copy_does_not_carry_the_original_look_up_tables() -> None:
    from lmspath.store.taxonomy import load_taxonomy

    taxonomy = load_taxonomy().replace()  # a copy of its own: the loaded one is shared
    taxonomy.keep_prepared(object())
    assert taxonomy.prepared is not None
    copy = taxonomy.replace(groups=list(taxonomy.groups))
    assert copy == taxonomy
    assert copy.prepared is None
    # a copy that changes nothing goes through __init__ too: private slots start empty
    assert taxonomy.replace().prepared is None
    assert taxonomy.replace(items=list(taxonomy.items)).prepared is None


def test_classes_of_none_one_and_many_fields_compare_hash_and_replace_by_value() -> None:
    """Each class reads its fields through a getter made once for it: with no field, one
    (a getter of one name gives the value, not a tuple) and several."""
    from typing import ClassVar

    from lmspath.model.frozen import Frozen

    class Empty(Frozen):
        __slots__ = ()

    class One(Frozen):
        __slots__ = ("a",)
        _fields: ClassVar[tuple[str, ...]] = ("a",)

        def __init__(self, a: object) -> None:
            object.__setattr__(self, "a", a)

    class Two(Frozen):
        __slots__ = ("a", "b")
        _fields: ClassVar[tuple[str, ...]] = ("a", "b")

        def __init__(self, a: object, b: object) -> None:
            object.__setattr__(self, "a", a)
            object.__setattr__(self, "b", b)

    assert Empty() == Empty()
    assert hash(Empty()) == hash(Empty())
    assert One((1, 2)) == One((1, 2)) != One((1,))
    assert hash(One((1, 2))) == hash(One((1, 2)))
    assert One(1).replace(a=2) == One(2)
    assert Two(1, 2).replace(b=3) == Two(1, 3) != Two(1, 2)
    assert {Two(1, 2), Two(1, 2), Two(2, 1)} == {Two(1, 2), Two(2, 1)}
    assert One(1) != Two(1, 2)
    with pytest.raises(TypeError, match="has no field 'c'"):
        Two(1, 2).replace(c=1)
