"""The ``veille`` command. Each command parses its options and calls one function; nothing else lives here."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from veille import __version__
from veille.analyze import analyze_many
from veille.errors import InputError
from veille.eval import evaluate, format_report
from veille.ingest import ReadOptions, read_inputs
from veille.model import parse_date
from veille.report import render


def _date(ctx: click.Context, param: click.Parameter, value: str | None):
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@click.group()
@click.version_option(__version__, prog_name="veille")
def main() -> None:
    """veille: who is named, when, who did what to whom, and who says so, in French and English news."""


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=_date, help="Publication date (ISO) for inputs that do not give one; anchors relative dates.")
@click.option("--lang", help="Language for inputs that do not give one (default: detected).")
@click.option("--id", "article_id", help="Article id for a single-article input (default: the file name).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text"]), default="json", show_default=True,
              help="json: one pretty analysis (compact, one per line, for several); jsonl: one per line; text: a report.")
def analyze(inputs: tuple[str, ...], published, lang: str | None, article_id: str | None, fmt: str) -> None:
    """Analyse articles: .txt (first line the headline), .json, .jsonl, .html, directories, or - for stdin."""
    options = ReadOptions(published=published, lang=lang, id=article_id)
    results = analyze_many(read_inputs(list(inputs), options))
    first = next(results, None)
    second = next(results, None)
    pretty = fmt == "json" and second is None
    failed = done = 0
    progress = sys.stderr.isatty() and second is not None
    out = sys.stdout
    for result in _chain(first, second, results):
        if isinstance(result, InputError):
            failed += 1
            click.echo(f"veille: error: {result}", err=True)
            continue
        done += 1
        if fmt == "text":
            out.write(render(result) + "\n\n")
        elif pretty:
            out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        if progress and done % 20 == 0:
            click.echo(f"\r{done} analysed, {failed} failed", err=True, nl=False)
    if progress:
        click.echo(f"\r{done} analysed, {failed} failed", err=True)
    if failed:
        sys.exit(1)


def _chain(first, second, rest):
    for item in (first, second):
        if item is not None:
            yield item
    yield from rest


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True, path_type=Path))
@click.argument("analyses", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("-v", "--verbose", is_flag=True, help="List every miss and every prediction not in the gold.")
@click.option("--json", "as_json", is_flag=True, help="Machine-readable report.")
def eval_cmd(gold: Path, analyses: Path, verbose: bool, as_json: bool) -> None:
    """Grade ANALYSES (JSON or JSONL) against a gold file or a folder of *.gold.json files."""
    try:
        result = evaluate(gold, analyses)
    except (ValueError, json.JSONDecodeError) as exc:
        raise click.ClickException(str(exc)) from None
    if as_json:
        if not verbose:
            result = {**result, "misses": None}
        click.echo(json.dumps(result, ensure_ascii=False, indent=1))
    else:
        click.echo(format_report(result, verbose=verbose))
