"""Paths to the data files shipped inside the package (models, knowledge, gazetteer)."""

from __future__ import annotations

from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
KNOWLEDGE_DIR = PACKAGE_DIR / "knowledge"
MODELS_DIR = PACKAGE_DIR / "data" / "models"
GAZETTEER_DIR = PACKAGE_DIR / "data" / "gazetteer"


def knowledge_file(name: str) -> Path:
    return KNOWLEDGE_DIR / name
