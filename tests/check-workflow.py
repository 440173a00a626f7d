"""Checks the GitHub Pages workflow: valid YAML, GitHub's official Pages
actions in order, and the build step is the script the README gives (which
the test command runs too). Usage: python3 tests/check-workflow.py"""
import pathlib
import sys

import yaml

path = pathlib.Path(__file__).resolve().parent.parent / ".github/workflows/pages.yml"
flow = yaml.safe_load(path.read_text())
problems = []
# YAML reads the key `on` as True.
triggers = flow.get("on", flow.get(True))
if not triggers or "push" not in triggers:
    problems.append("no push trigger")
perms = flow.get("permissions", {})
for p, v in {"pages": "write", "id-token": "write"}.items():
    if perms.get(p) != v:
        problems.append(f"permission {p} is not {v}")
steps = [s for job in flow["jobs"].values() for s in job.get("steps", [])]
uses = [s.get("uses", "").split("@")[0] for s in steps]
want = ["actions/checkout", "actions/configure-pages", "actions/upload-pages-artifact", "actions/deploy-pages"]
at = [uses.index(w) if w in uses else -1 for w in want]
if -1 in at or at != sorted(at):
    problems.append(f"the Pages actions are missing or out of order: {uses}")
runs = [s["run"] for s in steps if "run" in s]
if not any("scripts/build-site.sh" in r for r in runs):
    problems.append("no step runs scripts/build-site.sh")
upload = next((s for s in steps if s.get("uses", "").startswith("actions/upload-pages-artifact")), {})
if upload.get("with", {}).get("path") != "dist":
    problems.append("the artifact is not dist/")
if problems:
    sys.exit(f"{path}: " + "; ".join(problems))
print(f"{path.name}: valid, {len(steps)} steps")
