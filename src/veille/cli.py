"""The ``veille`` command. Each command parses its options and calls one function; nothing else lives here."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import click

from veille import __version__
from veille.analyze import analyze_many
from veille.errors import InputError, VeilleError
from veille.eval import evaluate, format_report
from veille.formats import jsonld_claims, plover_records
from veille.ingest import ReadOptions, read_inputs
from veille.model import FACTUALITIES, parse_date
from veille.report import render
from veille.terminal import printable


def _date(ctx: click.Context, param: click.Parameter, value: str | None):
    try:
        return parse_date(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@contextmanager
def _one_line() -> Iterator[None]:
    """What goes wrong with the store or the disk (locked, damaged, full, a folder that is a file) is said in
    one line, not in a traceback."""
    import duckdb

    try:
        yield
    except VeilleError as exc:
        raise click.ClickException(printable(str(exc))) from None
    except OSError as exc:
        where = f" ({exc.filename})" if exc.filename else ""
        raise click.ClickException(f"cannot write{where}: {exc.strerror or exc}") from None
    except duckdb.Error as exc:
        raise click.ClickException(f"the store failed: {str(exc).splitlines()[0]}") from None


@click.group()
@click.version_option(__version__, prog_name="veille")
def main() -> None:
    """veille: who is named, when, who did what to whom, and who says so, in French and English news."""
    from veille.kb.overlay import overlay_path, user_records

    if overlay_path() is not None:
        with _one_line():
            user_records()  # a bad actor dictionary is one line now, not a traceback in the middle of a batch


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=_date, help="Publication date (ISO) for inputs that do not give one; anchors relative dates.")
@click.option("--lang", help="Language for inputs that do not give one (default: detected).")
@click.option("--id", "article_id", help="Article id for a single-article input (default: the file name).")
@click.option("--format", "fmt", type=click.Choice(["json", "jsonl", "text", "plover", "jsonld"]), default="json",
              show_default=True, help="json: one pretty analysis (a JSON array of compact ones, one per line, for "
              "several); jsonl: one per line; text: a report; plover: one PLOVER/POLECAT event record per line; jsonld: claims as schema.org JSON-LD.")
def analyze(inputs: tuple[str, ...], published, lang: str | None, article_id: str | None, fmt: str) -> None:
    """Analyse articles: .txt (first line the headline), .json, .jsonl, .html, directories, or - for stdin."""
    options = ReadOptions(published=published, lang=lang, id=article_id)
    results = analyze_many(read_inputs(list(inputs), options))
    first = next(results, None)
    second = next(results, None)
    pretty = fmt == "json" and second is None
    array = fmt == "json" and second is not None  # several inputs: one JSON document, an array
    failed = done = undated = 0
    progress = sys.stderr.isatty() and second is not None
    out = sys.stdout
    if array:
        out.write("[")
    for result in _chain(first, second, results):
        if isinstance(result, InputError):
            failed += 1
            click.echo(f"veille: error: {printable(str(result))}", err=True)
            continue
        done += 1
        undated += _unanchored(result)
        if fmt == "text":  # reports apart by one blank line, none after the last
            out.write(("\n" if done > 1 else "") + render(result).rstrip("\n") + "\n")
        elif array:
            out.write(("\n" if done == 1 else ",\n") + json.dumps(result, ensure_ascii=False))
        elif fmt == "plover":
            out.writelines(json.dumps(row, ensure_ascii=False) + "\n" for row in plover_records(result))
        elif fmt == "jsonld":
            out.write(json.dumps(jsonld_claims(result), ensure_ascii=False) + "\n")
        elif pretty:
            out.write(json.dumps(result, ensure_ascii=False, indent=2) + "\n")
        else:
            out.write(json.dumps(result, ensure_ascii=False) + "\n")
        if progress and done % 20 == 0:
            click.echo(f"\r{done} analysed, {failed} failed", err=True, nl=False)
    if array:
        out.write("\n]\n" if done else "]\n")
    if progress:
        click.echo(f"\r{done} analysed, {failed} failed", err=True)
    if undated:  # once per run, whatever the number of articles
        click.echo(f"veille: warning: {undated} article{'s' if undated > 1 else ''} without a publication date "
                   "kept relative dates unresolved (\"jeudi\", \"last year\"): give --published DATE", err=True)
    if failed:
        sys.exit(1)


def _unanchored(analysis: dict[str, Any]) -> bool:
    """An article that gives no publication date and has dates left without a value: relative dates (which
    --published would have anchored) stay unresolved."""
    return not analysis["article"].get("published") and any(t.get("value") is None for t in analysis.get("times", []))


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


# --- store: ingest, query, sql, export (each calls one function in veille.store) ---

_DB = click.option("--db", default="veille.duckdb", show_default=True, type=click.Path(dir_okay=False),
                   help="The DuckDB store file.")
_BOM = click.option("--bom", is_flag=True, help="CSV: begin with a UTF-8 byte-order mark (for Excel).")


def _FMT(f: Any) -> Any:
    """``--format`` of the store's tables, and ``--bom`` for their CSV (kept in the context for ``_show``)."""
    f = click.option("--bom", is_flag=True, expose_value=False, callback=lambda ctx, _p, v: ctx.meta.update(bom=v),
                     help="With --format csv: begin with a UTF-8 byte-order mark (for Excel). Lists are JSON cells.")(f)
    return click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table",
                        show_default=True)(f)


@main.command()
@click.argument("inputs", nargs=-1, required=True)
@_DB
@click.option("--workers", type=click.IntRange(min=1), help="Analysis processes (default: the machine's cores).")
@click.option("--failures", type=click.Path(dir_okay=False), help="Failure list (TSV; default: veille-failures.tsv beside the store).")
@click.option("--published", callback=_date, help="Publication date (ISO) for inputs that do not give one.")
@click.option("--lang", help="Language for inputs that do not give one (default: detected).")
@click.option("--no-dedup", is_flag=True, help="Analyse copies too (no exact or near-duplicate detection).")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: when stderr is a terminal).")
@click.option("--no-stories", is_flag=True, help="Do not cluster stories nor merge events and claims now (`veille stories update` does it later).")
def ingest(inputs, db, workers, failures, published, lang, no_dedup, progress, no_stories) -> None:
    """Read, deduplicate, analyse and store articles: files, directories, globs, - for stdin; feeds and WARC too."""
    from veille.run import ingest as run_ingest

    with _one_line():
        summary = run_ingest(list(inputs), db=db, workers=workers, failures=failures, dedup=not no_dedup,
                             options=ReadOptions(published=published, lang=lang),
                             progress=sys.stderr.isatty() if progress is None else progress, stories=not no_stories)
    click.echo(summary.line())
    if summary.stories:
        click.echo(summary.stories.line())
    if summary.failed:
        click.echo(f"failures listed in {summary.failures_file}", err=True)
        sys.exit(1)


def _every(ctx: click.Context, param: click.Parameter, value: str) -> float:
    from veille.run.watch import parse_every

    try:
        return parse_every(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc)) from None


@main.command()
@click.argument("sources", nargs=-1, required=True)
@_DB
@click.option("--every", default="10m", show_default=True, callback=_every,
              help="Time between the starts of two cycles: 90 (seconds), 30s, 10m, 1h.")
@click.option("--once", is_flag=True, help="One cycle, then stop (for cron and tests).")
@click.option("--published", callback=_date, help="Publication date for items that give none.")
@click.option("--lang", help="Language for items that give none (default: detected).")
def watch(sources, db, every, once, published, lang) -> None:
    """Poll RSS/Atom feeds and pages (URLs, or files listing URLs) and ingest what is new: the full article behind
    each feed item, each item fetched once. A read-only `veille serve` on the same store answers all along.
    One line per cycle on stderr; Ctrl-C stops between two writes."""
    import time

    from veille.run.watch import Fetcher, run_cycle
    from veille.run.watch import sources as read_sources

    with _one_line():
        urls = read_sources(list(sources))
    fetcher = Fetcher()
    n = 0
    try:
        while True:
            n += 1
            started = time.monotonic()
            with _one_line():
                cycle = run_cycle(n, urls, db=db, fetcher=fetcher, options=ReadOptions(published=published, lang=lang))
            click.echo(cycle.line(), err=True)
            if once:
                break
            time.sleep(max(0.0, every - (time.monotonic() - started)))
    except KeyboardInterrupt:
        click.echo(f"veille watch: stopped after {n} cycle{'s' if n != 1 else ''}", err=True)
    finally:
        fetcher.close()


@main.group()
def query() -> None:
    """Ask the store: events, claims, entities."""


def _show(db: str, fmt: str, ask) -> None:
    from veille.store.output import render
    from veille.store.duckdb import READER_WAIT
    from veille.store.queries import QueryError, StoreError, open_readonly

    try:
        con = open_readonly(db, wait=READER_WAIT)
        try:
            click.echo(render(ask(con), fmt, bom=click.get_current_context().meta.get("bom", False)))
        finally:
            con.close()
    except (StoreError, QueryError) as exc:
        raise click.ClickException(str(exc)) from None


class _AnyCase(click.Choice):
    """One rule for event types and factuality: any case is accepted (the value comes back as the list writes
    it); anything else is refused in one line that lists the valid values as they are written."""

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> Any:
        for choice in self.choices:
            if str(choice).casefold() == str(value).casefold():
                return choice
        self.fail(f"{value!r} is not one of {', '.join(map(str, self.choices))}", param, ctx)


def _any_case(values: list[str]) -> click.Choice:
    return _AnyCase(values)


def _plover_types() -> list[str]:
    from veille.lexicons.schema import PLOVER_TYPES

    return sorted(PLOVER_TYPES)


_PLOVER = _any_case(_plover_types())


def _parties(f: Any) -> Any:
    """The options that name the parties and the type of an event (events and merged events alike)."""
    for option in reversed([
        click.option("--actor", help="The actor: a name in any language (\"Corée du Nord\", Poutine), resolved through "
                     "the knowledge base, or an ISO3 code; an unknown name: part of the name."),
        click.option("--recipient", help="The recipient, named as --actor."),
        click.option("--type", "etype", type=_PLOVER, help="PLOVER event type, in any case (ASSAULT, assault)."),
    ]):
        f = option(f)
    return f


EVENT_COLUMNS = ["article_id", "event_id", "date", "date_granularity", "type", "mode", "actor", "actor_country", "recipient",
                 "recipient_country", "factuality", "said_by", "confidence", "trigger", "title"]
CLAIM_COLUMNS = ["article_id", "claim_id", "published", "speaker", "speaker_country", "kind", "factuality", "content",
                 "sources"]
ENTITY_COLUMNS = ["canonical", "type", "country", "kb_id", "articles", "mentions"]
"""What a terminal shows of the API's rows (the same questions: ``veille.store.queries``)."""


@query.command("events")
@_DB
@_FMT
@_parties
@click.option("--factuality", type=_any_case(list(FACTUALITIES)), help="Factuality, in any case.")
@click.option("--since", callback=_date, help="Events on or after this date (event date, else publication date).")
@click.option("--until", callback=_date, help="Events on or before this date.")
@click.option("--q", help="Words (any case, accents aside) in the event's sentence or its article's title.")
@click.option("--limit", type=int)
def query_events(db, fmt, actor, recipient, etype, factuality, since, until, q, limit) -> None:
    """Events, filtered by actor, recipient, type, factuality, date and words."""
    from veille.store import queries

    filters = queries.EventFilters(actor=actor, recipient=recipient, type=etype, factuality=factuality, since=since,
                                   until=until, q=q)
    _show(db, fmt, lambda con: queries.events(con, filters, limit=limit)[0].select(EVENT_COLUMNS))


@query.command("claims")
@_DB
@_FMT
@click.option("--speaker", help="The speaker: a name in any language or an ISO3 code (the knowledge base's), else part "
              "of the speaker's name (case-insensitive).")
@click.option("--country", help="ISO3 country of the speaker.")
@click.option("--since", callback=_date, help="Claims published on or after this date.")
@click.option("--q", help="Words (any case, accents aside) of what was said.")
@click.option("--limit", type=int)
def query_claims(db, fmt, speaker, country, since, q, limit) -> None:
    """Claims (quotes and attributions), filtered by speaker, date and words."""
    from veille.store import queries

    filters = queries.ClaimFilters(speaker=speaker, country=country, since=since, q=q)
    _show(db, fmt, lambda con: queries.claims(con, filters, limit=limit)[0].select(CLAIM_COLUMNS))


@query.command("entities")
@_DB
@_FMT
@click.option("--country", help="ISO3 country the entity belongs to or stands for.")
@click.option("--type", "etype", help="PERSON, ORG, GPE, LOC, NORP, EVENT or MISC.")
@click.option("--name", help="A name in any language (Poutine finds Vladimir Putin), else part of the canonical name.")
@click.option("--limit", type=int)
def query_entities(db, fmt, country, etype, name, limit) -> None:
    """Entities across articles, most cited first."""
    from veille.store import queries

    filters = queries.EntityFilters(country=country, type=etype, name=name)
    _show(db, fmt, lambda con: queries.entities(con, filters, limit=limit)[0].select(ENTITY_COLUMNS))


@query.command("merged-events")
@_DB
@_FMT
@_parties
@click.option("--min-sources", type=click.IntRange(min=1), help="At least this many independent sources.")
@click.option("--since", callback=_date, help="Merged events reported on or after this date.")
@click.option("--until", callback=_date, help="Merged events reported on or before this date.")
@click.option("--sort", type=click.Choice(["date", "sources"]), default="date", show_default=True)
@click.option("--limit", type=int, default=100, show_default=True)
def query_merged(db, fmt, actor, recipient, etype, min_sources, since, until, sort, limit) -> None:
    """Events merged across articles, with their independent sources and the factuality they agree on."""
    from veille.store import queries

    filters = queries.MergedFilters(actor=actor, recipient=recipient, type=etype, min_sources=min_sources,
                                    since=since, until=until)
    _show(db, fmt, lambda con: queries.merged_events(con, filters, sort=sort, limit=limit)[0])


@query.command("repeated-claims")
@_DB
@_FMT
@click.option("--speaker", help="Part of the speaker's name.")
@click.option("--all", "everything", is_flag=True, help="Every statement, not only those repeated across articles.")
@click.option("--limit", type=int, default=100, show_default=True)
def query_repeated(db, fmt, speaker, everything, limit) -> None:
    """Statements across articles: earliest report, how many articles repeated it, whether wording changed."""
    from veille.store import queries

    filters = queries.StatementFilters(speaker=speaker, repeated=not everything)
    _show(db, fmt, lambda con: queries.merged_claims(con, filters, limit=limit)[0])


@main.command("timeline")
@click.argument("first")
@click.argument("second", required=False)
@_DB
@_FMT
@click.option("--since", callback=_date, help="From this date.")
@click.option("--until", callback=_date, help="Up to this date.")
@click.option("--directed", is_flag=True, help="Only FIRST acting on SECOND (default: both ways).")
@click.option("--min-sources", type=click.IntRange(min=1), help="Only events resting on at least this many original sources.")
@click.option("--min-reports", type=click.IntRange(min=1), help="Only events told by at least this many independent reports.")
@click.option("--by", type=click.Choice(["day", "week", "month"]), help="Count the events per day, week (from Monday) or "
              "month instead of listing them.")
def timeline_cmd(first, second, db, fmt, since, until, directed, min_sources, min_reports, by) -> None:
    """Merged events of one actor, or between two, in date order: `veille timeline RUS UKR`, `veille timeline
    "Corée du Nord" Russie` (names in any language, resolved through the knowledge base, or ISO3 codes).

    Each event shows its independent reports (outlets, once copies, derivations and wire credits are joined)
    and its original sources (the speakers or bodies those reports rest on), each with its members."""
    from veille.store import queries

    _show(db, fmt, lambda con: queries.actor_timeline(con, first, second, directed=directed, since=since,
                                                      until=until, min_sources=min_sources, min_reports=min_reports,
                                                      by=by))


@main.group()
def stories() -> None:
    """Stories: articles that report one happening, across outlets and languages."""


@stories.command("update")
@_DB
@click.option("--rebuild", is_flag=True, help="Forget every story and cluster the whole store again.")
def stories_update(db, rebuild) -> None:
    """Put the articles not yet in a story into one, then recompute merged events and claims."""
    from veille.store.duckdb import Store, StoreError
    from veille.store.stories import update

    try:
        with Store(db) as store:
            click.echo(update(store.con, rebuild=rebuild).line())
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None


@stories.command("list")
@_DB
@_FMT
@click.option("--min-articles", type=click.IntRange(min=1), default=2, show_default=True)
@click.option("--actor", help="A main actor's canonical name.")
@click.option("--since", callback=_date)
@click.option("--until", callback=_date)
@click.option("--limit", type=int, default=50, show_default=True)
def stories_list(db, fmt, min_articles, actor, since, until, limit) -> None:
    """Stories, largest first."""
    from veille.store import queries

    filters = queries.StoryFilters(min_articles=min_articles, actor=actor, since=since, until=until)
    _show(db, fmt, lambda con: queries.stories(con, filters, limit=limit)[0])


@stories.command("show")
@click.argument("story_id")
@_DB
def stories_show(story_id, db) -> None:
    """One story as JSON: its articles, merged events and statements."""
    from veille.store import queries
    from veille.store.duckdb import READER_WAIT
    from veille.store.output import as_json
    from veille.store.queries import StoreError, open_readonly

    try:
        con = open_readonly(db, wait=READER_WAIT)
        try:
            found = queries.story(con, story_id)
        finally:
            con.close()
    except StoreError as exc:
        raise click.ClickException(str(exc)) from None
    if found is None:
        raise click.ClickException(f"no story {story_id} in {db}")
    click.echo(as_json(found))


@main.command("sql")
@click.argument("statement")
@_DB
@_FMT
def sql_cmd(statement, db, fmt) -> None:
    """Run one read-only SQL query on the store (tables: articles, entities, mentions, times, events, claims, ...)."""
    from veille.store import queries

    _show(db, fmt, lambda con: queries.sql(con, statement))


@main.command("export")
@_DB
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet", "plover", "gold"]), required=True)
@click.option("--out", required=True, type=click.Path(file_okay=False), help="Folder to write into (empty or new).")
@click.option("--overwrite", is_flag=True, help="Write into a folder that is not empty (the export's files are replaced).")
@_BOM
def export_cmd(db, fmt, out, overwrite, bom) -> None:
    """Export the store: analyses as JSONL, tables as CSV (lists as JSON), Parquet by date and language, PLOVER
    event rows, or the articles analysts corrected as gold files (veille.gold/1) for `veille eval`."""
    from veille.store.export import export

    with _one_line():
        written = export(db, fmt=fmt, out=out, overwrite=overwrite, bom=bom)
    unit = "corrections" if fmt == "gold" else "rows"
    for name, rows in written.items():
        click.echo(f"{name}\t{rows} {unit}")


def _host_names(host: str, extra: tuple[str, ...]) -> list[str] | None:
    """The Host names a server listening on ``host`` answers: loopback by any of its names; a wildcard
    address (0.0.0.0, ::) any name, since it cannot know the machine's (say so with --allow-host to narrow)."""
    if host in ("0.0.0.0", "::", "") and not extra:
        return None
    loopback = {"127.0.0.1", "localhost", "::1", "[::1]"}
    names = set(loopback if host in loopback else {host, f"[{host}]" if ":" in host else host})
    return sorted(names | {h.lower() for h in extra})


# --- scale-out: batch on a Dask cluster, load its output (each calls one function in veille.batch) ---

@main.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--out", required=True, help="Output folder or URL (any fsspec filesystem: s3://bucket/run1, ...).")
@click.option("--scheduler", help="Address of a running Dask scheduler (tcp://HOST:PORT).")
@click.option("--local", type=click.IntRange(min=1), help="Start a local cluster of N worker processes (default: the cores).")
@click.option("--partition-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="Articles (JSONL lines, or files) per partition.")
@click.option("--published", callback=_date, help="Publication date (ISO) for inputs that do not give one.")
@click.option("--lang", help="Language for inputs that do not give one (default: detected).")
@click.option("--no-dedup", is_flag=True, help="Analyse copies too (no exact or near-duplicate detection).")
def batch(inputs, out, scheduler, local, partition_size, published, lang, no_dedup) -> None:
    """Analyse files, JSONL or WARC on a Dask cluster into partitioned Parquet; re-run to resume."""
    from veille.batch import run_batch

    if scheduler and local:
        raise click.UsageError("give --scheduler or --local, not both")
    summary = run_batch(list(inputs), out=out, scheduler=scheduler, local=local, size=partition_size,
                        options=ReadOptions(published=published, lang=lang), dedup=not no_dedup)
    click.echo(summary.line())


@main.command("load")
@click.argument("directory")
@_DB
@click.option("--no-stories", is_flag=True, help="Do not cluster stories nor merge events and claims now.")
def load_cmd(directory, db, no_stories) -> None:
    """Bring a batch's Parquet output (DIRECTORY or URL) into the store, then update its stories."""
    from veille.batch import load
    from veille.store.duckdb import Store
    from veille.store.stories import update

    with _one_line():
        counts = load(directory, db=db)
        for name, rows in counts.items():
            click.echo(f"{name}\t{rows}")
        if not no_stories:
            with Store(db) as store:
                click.echo(update(store.con).line())


@main.command("serve")
@_DB
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--token", envvar="VEILLE_TOKEN", help="Bearer token for POST /articles (or $VEILLE_TOKEN); without it the store is served read-only.")
@click.option("--allow-host", "allow_hosts", multiple=True, help="Another Host name to answer (a proxy's); the "
              "address listened on is always answered, any other name refused (DNS rebinding).")
def serve(db, host, port, token, allow_hosts) -> None:
    """Serve the HTTP API (OpenAPI at /docs) and the web page over the store."""
    import uvicorn

    from veille.api import create_app

    with _one_line():
        app = create_app(db, token=token, preload=True, hosts=_host_names(host, allow_hosts))
    click.echo(f"veille: serving {db} on http://{host}:{port}/ ({'writable' if token else 'read-only'}; API at /docs)", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info")
