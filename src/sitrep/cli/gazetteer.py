"""`sitrep gazetteer add|info` and `sitrep geoparse DOCS.jsonl --output PRED.jsonl`."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any

import typer

from sitrep.errors import InputError, MalformedLine
from sitrep.model import Toponym

gazetteer_app = typer.Typer(help="The embedded GeoNames gazetteer: what is loaded, and adding places.",
                            no_args_is_help=True)


@gazetteer_app.command("add")
def add(
    dump: Annotated[Path, typer.Argument(help="A GeoNames dump such as SY.txt or allCountries.txt")],
    all_classes: Annotated[bool, typer.Option(help="Also import hotels, wells, streams and other spots")] = False,
) -> None:
    """Import a GeoNames per-country dump into your own index (villages, neighbourhoods)."""
    from sitrep.gazetteer.build import add_dump
    from sitrep.gazetteer.index import user_index_path

    target = user_index_path()
    n = add_dump(dump, target, all_classes=all_classes)
    typer.echo(f"added {n} places from {dump} to {target}")


@gazetteer_app.command("info")
def info() -> None:
    """Show the loaded indexes, their sources and sizes."""
    from sitrep.gazetteer import Gazetteer

    gaz = Gazetteer.open()
    typer.echo(json.dumps(gaz.info(), indent=2))
    gaz.close()


def toponym_dict(t: Toponym) -> dict[str, Any]:
    """A toponym in the prediction format of FORMAT.md (plus kind, precision and admin names)."""
    p = t.place
    return {
        "start": t.start, "end": t.end, "name": t.text, "kind": t.kind, "score": t.score,
        "precision": t.precision,
        "latitude": p.latitude if p else None, "longitude": p.longitude if p else None,
        "geonameid": p.geonameid if p else None, "feature_code": p.feature_code if p else None,
        "country": p.country if p else None, "admin1": p.admin1 if p else None,
        "admin2": p.admin2 if p else None, "place": p.name if p else None,
    }


def read_docs(path: Path) -> list[dict[str, Any]]:
    """Documents from a JSONL file (``id``, ``text``, optional ``country``)."""
    if not path.exists():
        raise InputError(f"{path} not found; give a JSON Lines file with 'id' and 'text' on each line")
    docs = []
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                doc = json.loads(line)
                docs.append({"id": doc["id"], "text": doc["text"], "country": doc.get("country")})
            except (json.JSONDecodeError, KeyError, TypeError) as exc:
                raise MalformedLine(f"{path}:{no}: expected a JSON object with 'id' and 'text' ({exc})") from exc
    return docs


def geoparse_cmd(
    docs: Annotated[Path, typer.Argument(help="JSON Lines with id, text and optional country")],
    output: Annotated[Path, typer.Option("--output", "-o", help="Where to write the toponyms (JSON Lines)")],
    ner: Annotated[bool, typer.Option(help="Use spaCy NER spans for recognition (slower, more accurate)")] = True,
) -> None:
    """Every toponym of every document, with coordinates, GeoNames id and admin names."""
    from sitrep.gazetteer import Gazetteer, Geoparser

    items = read_docs(docs)
    gp = Geoparser(Gazetteer.open())
    ents = _entities([d["text"] for d in items]) if ner else [None] * len(items)
    with output.open("w", encoding="utf-8") as fh:
        for doc, e in zip(items, ents, strict=True):
            tops = gp.toponyms(doc["text"], entities=e, country=doc["country"])
            fh.write(json.dumps({"id": doc["id"], "toponyms": [toponym_dict(t) for t in tops]}) + "\n")
    typer.echo(f"wrote {len(items)} documents to {output}")


def _entities(texts: list[str]) -> list[list[tuple[int, int, str]] | None]:
    """spaCy NER spans for each text (the model named in Settings)."""
    import spacy

    from sitrep.config import Settings

    nlp = spacy.load(Settings.from_env().spacy_model, exclude=["lemmatizer"])
    with nlp.select_pipes(enable=["tok2vec", "ner"]):
        return [[(e.start_char, e.end_char, e.label_) for e in doc.ents] for doc in nlp.pipe(texts, batch_size=32)]


def register(app: typer.Typer) -> None:
    """Add the ``gazetteer`` group and the ``geoparse`` command to ``app``."""
    app.add_typer(gazetteer_app, name="gazetteer")
    app.command("geoparse")(geoparse_cmd)
