"""Write the JSON Schemas of the content files and of the settings file.

    python tools/build_schemas.py                # content/schema/, deploy/settings.schema.json
    python tools/build_schemas.py --content DIR  # DIR/schema/ for another content folder

The schemas are built from the program's own model and rules
(:mod:`exhibit.core.schema`); the content schemas also from the languages the
content declares, so run this again after adding a language (a test fails
while the shipped schemas are out of date). Every content file gets, as its
first line, the modeline that tells a YAML editor where its schema is.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from exhibit.core import schema  # noqa: E402
from exhibit.core.content import EXHIBIT_FILE  # noqa: E402

DEFAULT_CONTENT = REPO / "content"
SETTINGS_OUT = REPO / "deploy" / schema.SETTINGS_SCHEMA


def declared_languages(content_dir: Path) -> list[str]:
    """The language codes ``exhibit.yaml`` declares, read without validating the rest."""
    import yaml

    data = yaml.safe_load((content_dir / EXHIBIT_FILE).read_text(encoding="utf-8"))
    languages = data.get("languages") if isinstance(data, dict) else None
    codes = [item.get("code") for item in languages or [] if isinstance(item, dict)]
    codes = [code for code in codes if isinstance(code, str)]
    if not codes:
        raise SystemExit(f"{content_dir / EXHIBIT_FILE} declares no language")
    return codes


def with_modeline(text: str, line: str) -> str:
    """``text`` whose first line is ``line``, replacing an older modeline."""
    first, newline, rest = text.partition("\n")
    if first.startswith(schema.MODELINE_PREFIX):
        return line + newline + rest if newline else line + "\n"
    return f"{line}\n{text}"


def write_if_changed(path: Path, text: str) -> None:
    old = path.read_text(encoding="utf-8") if path.is_file() else None
    if old != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"wrote {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    args = parser.parse_args(argv)
    content_dir: Path = args.content
    schemas = schema.content_schemas(declared_languages(content_dir))
    for name, document in schemas.items():
        write_if_changed(content_dir / schema.SCHEMA_DIR / name, schema.render(document))
    for path in sorted(content_dir.rglob("*.yaml")):
        relative = path.relative_to(content_dir).as_posix()
        try:
            line = schema.modeline(relative)
        except KeyError:  # not a content file the exhibit reads
            continue
        write_if_changed(path, with_modeline(path.read_text(encoding="utf-8"), line))
    if content_dir.resolve() == DEFAULT_CONTENT.resolve():
        write_if_changed(SETTINGS_OUT, schema.render(schema.settings_schema()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
