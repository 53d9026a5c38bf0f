"""Hash what veille puts out, so that a refactoring can show it changed nothing (issue 15).

Runs, from one fixed set of inputs (the shared corpus; winer-fr cut to its first ``--winer`` articles, 60 by
default, to keep the run to a few minutes):

- ``veille analyze`` of every corpus file in every format (json, jsonl, text, plover, jsonld);
- ``veille ingest`` with 1 and with 2 workers, then ``veille export`` in every format;
- ``veille batch --local 2``, ``veille load``, then ``veille export`` in every format;
- a fixed list of API GET answers, in-process (``create_app`` and a TestClient) over the 1-worker store.

Each output is kept under ``--keep DIR`` (for a diff) and hashed; the hashes are written as JSON
(``--out``) and compared with a baseline (``--compare``): a line per output that differs. What varies by
nature is left out before hashing: clock times (``ingested_at``, ``failed_at``), a batch's timings, and the
Parquet files' bytes (their rows are hashed, in a fixed order).

    python scripts/output_hashes.py --out /tmp/after.json --compare scripts/output_hashes.json --keep /tmp/after
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import io
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FORMATS = ("json", "jsonl", "text", "plover", "jsonld")
EXPORTS = ("jsonl", "csv", "parquet", "plover")
CLOCKS = {"ingested_at", "failed_at", "applied_at"}


def sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:16]


def inputs(folder: Path, winer: int) -> list[str]:
    """The corpus copied into ``folder`` (relative names, so item names do not depend on where it runs)."""
    shutil.copy(CORPUS / "seed-fr-001.txt", folder / "seed-fr-001.txt")
    shutil.copy(CORPUS / "wikinews-en.jsonl", folder / "wikinews-en.jsonl")
    shutil.copy(CORPUS / "wikinews-fr.jsonl", folder / "wikinews-fr.jsonl")
    with (CORPUS / "winer-fr.jsonl").open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip()][:winer]
    (folder / "winer-fr.jsonl").write_text("".join(lines), encoding="utf-8")
    return ["seed-fr-001.txt", "wikinews-en.jsonl", "wikinews-fr.jsonl", "winer-fr.jsonl"]


def cli(*args: str) -> tuple[int, str, str]:
    from click.testing import CliRunner

    from veille.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def export_hashes(db: str, name: str, keep: Path) -> dict[str, str]:
    """Every export of the store ``db``, normalised (clock columns dropped, Parquet as sorted rows)."""
    import duckdb

    out: dict[str, str] = {}
    for fmt in EXPORTS:
        folder = keep / f"{name}-export-{fmt}"
        code, stdout, _ = cli("export", "--db", db, "--format", fmt, "--out", str(folder))
        out[f"{name}/export-{fmt}/exit+stdout"] = sha(f"{code}\n{stdout}".encode())
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            rel = path.relative_to(folder).as_posix()
            if path.suffix == ".csv":
                rows = list(csv.reader(io.StringIO(path.read_text("utf-8"))))
                drop = {i for i, c in enumerate(rows[0]) if c in CLOCKS} if rows else set()
                text = "\n".join("\x1f".join(c for i, c in enumerate(r) if i not in drop) for r in rows)
                path.write_text(text, encoding="utf-8")  # kept as hashed, for a diff
                out[f"{name}/export-{fmt}/{rel}"] = sha(text.encode())
            elif path.suffix == ".parquet":
                continue  # below, per table
            else:
                out[f"{name}/export-{fmt}/{rel}"] = sha(path.read_bytes())
        if fmt == "parquet":
            con = duckdb.connect()
            tables = sorted({p.relative_to(folder / "parquet").parts[0] for p in (folder / "parquet").rglob("*.parquet")})
            for table in tables:
                target = folder / "parquet" / table
                pattern = str(target) if target.suffix == ".parquet" else f"{target}/**/*.parquet"
                rel = con.execute(f"SELECT * FROM read_parquet('{pattern}', hive_partitioning = true)")
                cols = [d[0] for d in rel.description]
                rows = sorted(repr(tuple(v for c, v in zip(cols, r) if c not in CLOCKS)) for r in rel.fetchall())
                text = repr([c for c in cols if c not in CLOCKS]) + "\n" + "\n".join(rows)
                (keep / f"{name}-parquet-{table}.txt").write_text(text, encoding="utf-8")
                layout = sorted(p.parent.relative_to(target).as_posix() for p in target.rglob("*.parquet")) \
                    if target.is_dir() else []
                out[f"{name}/export-parquet/{table}"] = sha((text + "\n" + repr(layout)).encode())
            con.close()
    return out


def api_hashes(db: str, keep: Path) -> dict[str, str]:
    """A fixed list of GET answers; the ids in paths are the first ones the listing answers give."""
    from fastapi.testclient import TestClient

    from veille.api import create_app

    out: dict[str, str] = {}
    folder = keep / "api"
    folder.mkdir()
    with TestClient(create_app(db)) as client:
        def get(url: str) -> dict:
            r = client.get(url)
            body = r.content
            (folder / (sha(url.encode()) + ".txt")).write_bytes(url.encode() + b"\n" + str(r.status_code).encode()
                                                                + b"\n" + body)
            out[f"api GET {url}"] = sha(str(r.status_code).encode() + b"\n" + body)
            return r.json() if r.headers.get("content-type", "").startswith("application/json") else {}

        get("/")
        get("/docs")
        get("/openapi.json")
        get("/stats")
        arts = get("/articles?limit=500")
        get("/articles?q=Russie")
        get("/articles?q=100%25")
        get("/articles?lang=en&since=2019-01-01")
        for aid in ("seed-fr-001", *(a["id"] for a in arts["items"][:3])):
            get(f"/articles/{aid}")
        get("/articles/no-such-article")
        get("/events?limit=500")
        get("/events?sort=confidence&order=desc&limit=20")
        get("/events?actor=RUS")
        get("/events?recipient=UKR&factuality=asserted")
        get("/events?q=missile")
        get("/events?type=ACCUSE&since=2016-01-01&until=2016-12-31")
        claims = get("/claims?limit=500")
        get("/claims?speaker=Kirby")
        get("/claims?q=_")
        ents = get("/entities?limit=500")
        get("/entities?type=PERSON")
        get("/entities?name=fran")
        for e in ents["items"][:3]:
            ent = get(f"/entities/{e['key']}")
            if ent.get("events_as_actor"):
                get(f"/events?entity={e['key']}")
        get("/timeline")
        get("/timeline?actor=FRA")
        get("/network")
        stories = get("/stories?limit=500")
        get("/stories?min_articles=2")
        for s in stories["items"][:2]:
            get(f"/stories/{s['story_id']}")
        merged = get("/merged-events?limit=500")
        get("/merged-events?sort=sources")
        for m in merged["items"][:2]:
            get(f"/merged-events/{m['merged_id']}")
        repeated = get("/claims/repeated?all=true&limit=500")
        get("/claims/repeated")
        for m in repeated["items"][:2]:
            get(f"/claims/repeated/{m['merged_id']}")
        get("/timeline/actors?first=RUS")
        get("/timeline/actors?first=FRA&second=DEU")
        if claims["items"]:
            get(f"/claims?entity={claims['items'][0].get('speaker_key')}")
    return out


def run(winer: int, keep: Path) -> dict[str, str]:
    out: dict[str, str] = {}
    names = inputs(Path.cwd(), winer)
    for name in names:
        extra = ["--published", "2024-01-05", "--id", "seed-fr-001"] if name.endswith(".txt") else []
        for fmt in FORMATS:
            code, stdout, stderr = cli("analyze", name, *extra, "--format", fmt)
            (keep / f"analyze-{name}.{fmt}").write_text(stdout, encoding="utf-8")
            out[f"analyze {name} --format {fmt}"] = sha(f"{code}\n{stdout}\n{stderr}".encode())
        print(f"analyze {name}: done", file=sys.stderr, flush=True)
    for workers in ("1", "2"):
        db = f"ingest-{workers}.duckdb"
        code, stdout, stderr = cli("ingest", *names, "--db", db, "--workers", workers, "--no-progress",
                                   "--published", "2024-01-05")
        out[f"ingest --workers {workers}/exit+stdout"] = sha(f"{code}\n{stdout}".encode())
        out.update(export_hashes(db, f"ingest-{workers}", keep))
        print(f"ingest --workers {workers}: done", file=sys.stderr, flush=True)
    code, _, stderr = cli("batch", *names, "--out", "batch-out", "--local", "2", "--published", "2024-01-05")
    out["batch --local 2/exit"] = sha(str(code).encode())
    code, stdout, _ = cli("load", "batch-out", "--db", "batch.duckdb")
    out["load/exit+stdout"] = sha(f"{code}\n{stdout}".encode())
    out.update(export_hashes("batch.duckdb", "batch", keep))
    print("batch, load: done", file=sys.stderr, flush=True)
    out.update(api_hashes("ingest-1.duckdb", keep))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", type=Path, help="Write the hashes here (JSON).")
    ap.add_argument("--compare", type=Path, help="A baseline (JSON) to compare with: one line per difference.")
    ap.add_argument("--keep", type=Path, help="Keep every output in this folder (emptied first), for a diff.")
    ap.add_argument("--winer", type=int, default=60, help="winer-fr articles used (its first N lines).")
    args = ap.parse_args()
    keep = args.keep.resolve() if args.keep else Path(tempfile.mkdtemp(prefix="veille-hash-keep-"))
    if keep.exists():
        shutil.rmtree(keep)
    keep.mkdir(parents=True)
    work = Path(tempfile.mkdtemp(prefix="veille-hash-"))
    here = Path.cwd()
    os.chdir(work)
    try:
        hashes = run(args.winer, keep)
    finally:
        os.chdir(here)
        shutil.rmtree(work, ignore_errors=True)
    if args.out:
        args.out.write_text(json.dumps(hashes, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    print(f"{len(hashes)} outputs hashed; kept in {keep}")
    if args.compare:
        base = json.loads(args.compare.read_text("utf-8"))
        diff = sorted(k for k in base.keys() | hashes.keys() if base.get(k) != hashes.get(k))
        for k in diff:
            print(f"DIFFERS  {k}  {base.get(k)} -> {hashes.get(k)}")
        print(f"{len(diff)} of {len(base.keys() | hashes.keys())} differ")
    if hashes.get("ingest-1/export-jsonl/analyses.jsonl") != hashes.get("ingest-2/export-jsonl/analyses.jsonl"):
        print("NOTE: the 1-worker and 2-worker ingests differ")


if __name__ == "__main__":
    main()
