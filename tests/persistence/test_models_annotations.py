"""The models' column annotations are objects, not strings: the mapping does not evaluate them at each start-up."""

from __future__ import annotations

from workbench.persistence import models


def test_column_annotations_are_evaluated_at_class_creation() -> None:
    strings = {}
    for mapper in models.Base.registry.mappers:
        for name, annotation in vars(mapper.class_).get("__annotations__", {}).items():
            if isinstance(annotation, str):
                strings[f"{mapper.class_.__name__}.{name}"] = annotation
    # only the relationships name a class defined further down (or the class itself)
    relationships = {f"{m.class_.__name__}.{r.key}" for m in models.Base.registry.mappers for r in m.relationships}
    assert set(strings) <= relationships, sorted(set(strings) - relationships)
    assert len(models.Base.registry.mappers) >= 10
