"""Meta-tests: the README's commands are the ones CI runs and the demo report ships."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def readme_commands() -> list[str]:
    text = (ROOT / "README.md").read_text()
    quick = text.split("## Quick start", 1)[1].split("## Use", 1)[0]
    return re.findall(r"```bash\n(.+?)\n```", quick)


def test_readme_has_two_commands() -> None:
    install, tests = readme_commands()
    assert "sitrep demo" in install
    assert "pytest" in tests


def test_ci_runs_the_readme_test_command() -> None:
    _, tests = readme_commands()
    assert tests in (ROOT / ".ci" / "run").read_text()


def test_demo_report_ships() -> None:
    assert (ROOT / "src" / "sitrep" / "data" / "examples" / "demo_report.txt").stat().st_size > 200
