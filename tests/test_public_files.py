"""What a public course ships: licences, citation, changelog, workflows, and one Binder setting.

The GitHub Actions workflows cannot run here; they are validated against the workflow schema
that check-jsonschema vendors (offline), and their key steps are read back. Every Binder link
(README, notebooks/00_start_here.ipynb, CITATION.cff's repository; the site's buttons are checked
in tests/test_site.py) must be built from the one setting in book/_config.yml: `repository.url`
(GitHub owner/name) and `repository.branch` (the git ref Binder builds).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import helpers

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import build_site  # noqa: E402 - the site builder, which owns the Binder setting

WORKFLOWS = ROOT / ".github" / "workflows"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
README = (ROOT / "README.md").read_text(encoding="utf-8")
BINDER = re.compile(r"https://mybinder\.org/v2/gh/[^\s)\]\"'<>]+")


def read(name: str) -> str:
    return (ROOT / name).read_text(encoding="utf-8")


def setting() -> tuple[str, str]:
    """(owner/name, ref): the one setting in book/_config.yml, read as the site builder reads it."""
    return build_site.repository_setting()


def expected_binder(notebook: str) -> str:
    repository, ref = setting()
    return f"https://mybinder.org/v2/gh/{repository}/{ref}?urlpath=lab/tree/notebooks/{notebook}"


def check_jsonschema(schema: str, *paths: Path) -> subprocess.CompletedProcess:
    assert CHECK_JSONSCHEMA.exists(), "check-jsonschema is not installed (it is a dev requirement)"
    command = [str(CHECK_JSONSCHEMA), "--builtin-schema", schema, *map(str, paths)]
    return subprocess.run(command, capture_output=True, text=True, cwd=ROOT)


# ---------------------------------------------------------------------------- licences


def test_code_is_mit_and_prose_is_cc_by():
    assert read("LICENSE").startswith("MIT License")
    content = read("LICENSE-CONTENT")
    assert "Attribution 4.0 International" in content
    assert "Creative Commons Attribution 4.0 International Public License" in content  # full text
    assert "MIT licence in LICENSE" in content  # and it says what it does not cover


def test_readme_says_which_licence_applies_to_what():
    section = README[README.index("## Licence") :]
    for needed in ("[LICENSE](LICENSE)", "[LICENSE-CONTENT](LICENSE-CONTENT)", "MIT", "CC BY 4.0"):
        assert needed in section, f"README's licence section does not mention {needed}"


# ---------------------------------------------------------------------------- citation, changelog


def test_citation_cff_is_valid_and_names_this_version():
    citation = yaml.safe_load(read("CITATION.cff"))
    for key in ("cff-version", "message", "title", "authors", "version", "license"):
        assert citation.get(key), f"CITATION.cff has no {key}"
    assert str(citation["version"]) == helpers.__version__
    assert set(citation["license"]) == {"MIT", "CC-BY-4.0"}
    repository, _ = setting()
    assert citation["repository-code"] == f"https://github.com/{repository}"
    result = check_jsonschema("vendor.citation-file-format", ROOT / "CITATION.cff")
    assert result.returncode == 0, result.stdout + result.stderr


def test_changelog_has_this_version():
    changelog = read("CHANGELOG.md")
    assert changelog.startswith("# Changelog")
    assert "## [Unreleased]" in changelog
    assert re.search(
        rf"^## \[{re.escape(helpers.__version__)}\] — \d{{4}}-\d\d-\d\d$", changelog, re.M
    )


def test_contributing_exists():
    assert (ROOT / "CONTRIBUTING.md").exists(), "CONTRIBUTING.md is missing"


# ---------------------------------------------------------------------------- workflows


def test_workflows_match_the_github_schema():
    files = sorted(WORKFLOWS.glob("*.yml"))
    assert {f.name for f in files} >= {"ci.yml", "site.yml"}
    result = check_jsonschema("vendor.github-workflows", *files)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_misspelt_key(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text(read(".github/workflows/ci.yml").replace("steps:", "stepz:"))
    assert check_jsonschema("vendor.github-workflows", broken).returncode != 0


def _workflow(name: str) -> dict:
    workflow = yaml.safe_load(read(f".github/workflows/{name}"))
    # YAML 1.1 reads the key `on` as True
    workflow["on"] = workflow.pop(True, workflow.get("on"))
    return workflow


def _runs(workflow: dict) -> list[str]:
    return [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]


def test_ci_runs_dot_ci_run_on_push_and_pull_request():
    workflow = _workflow("ci.yml")
    assert {"push", "pull_request"} <= set(workflow["on"])
    assert "bash .ci/run" in _runs(workflow)


def test_site_workflow_builds_the_book_and_deploys_it_to_pages():
    workflow = _workflow("site.yml")
    assert "python3 tasks.py site" in _runs(workflow)
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    upload = next(
        step
        for job in workflow["jobs"].values()
        for step in job["steps"]
        if step.get("uses", "").startswith("actions/upload-pages-artifact@")
    )
    assert upload["with"]["path"] == "book/_build/html"
    assert workflow["permissions"]["pages"] == "write"


# ---------------------------------------------------------------------------- one Binder setting


def test_readme_binder_links_come_from_the_setting():
    links = BINDER.findall(README)
    assert links, "README has no Binder link"
    for link in links:
        notebook = link.rsplit("/", 1)[-1]
        assert link == expected_binder(notebook), (
            f"README: {link}\n  expected {expected_binder(notebook)} (book/_config.yml)"
        )
    badge = "[![Launch on Binder](https://mybinder.org/badge_logo.svg)]"
    assert f"{badge}({expected_binder('00_start_here.ipynb')})" in README, "no Binder badge"


def test_start_here_binder_links_come_from_the_setting():
    notebook = json.loads(read("notebooks/00_start_here.ipynb"))
    text = "\n".join(
        "".join(cell["source"]) for cell in notebook["cells"] if cell["cell_type"] == "markdown"
    )
    links = BINDER.findall(text)
    if not links:
        pytest.skip("00_start_here has no Binder link yet (its launch link is the README badge)")
    for link in links:
        notebook_name = link.rsplit("/", 1)[-1]
        assert link == expected_binder(notebook_name), f"00_start_here: {link}"


def test_publishing_changes_every_link_at_once(tmp_path, monkeypatch):
    for name in ["book/_config.yml", "README.md", "CITATION.cff"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(read(name), encoding="utf-8")
    (tmp_path / "notebooks").mkdir()
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        (tmp_path / "notebooks" / path.name).write_bytes(path.read_bytes())
    monkeypatch.setattr(build_site, "ROOT", tmp_path)
    monkeypatch.setattr(build_site, "BOOK", tmp_path / "book")
    old, _ = setting()
    build_site.publish_as("alice/cross-entropy", "main")
    assert build_site.repository_setting() == ("alice/cross-entropy", "main")
    new_link = "https://mybinder.org/v2/gh/alice/cross-entropy/main?urlpath=lab/tree/notebooks/"
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert readme.count(new_link) == len(BINDER.findall(README))
    for path in tmp_path.rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        assert f"/v2/gh/{old}/" not in text and f"github.com/{old}" not in text, path
    citation = yaml.safe_load((tmp_path / "CITATION.cff").read_text(encoding="utf-8"))
    assert citation["repository-code"] == "https://github.com/alice/cross-entropy"
    # nothing else changed: the notebooks' code and outputs are untouched
    for path in (ROOT / "notebooks").glob("*.ipynb"):
        before = json.loads(path.read_text(encoding="utf-8"))["cells"]
        after = json.loads((tmp_path / "notebooks" / path.name).read_text(encoding="utf-8"))
        assert [c for c in before if c["cell_type"] == "code"] == [
            c for c in after["cells"] if c["cell_type"] == "code"
        ]
