"""Word-index cost: the time to tokenise and insert the words of every article of a store, against the time the
ingest that made the store took (docs/store.md, "Search by words").

    /usr/bin/time -f %e veille ingest ../shared/corpus/winer-fr.jsonl ../shared/corpus/wikinews-fr.jsonl \
        ../shared/corpus/wikinews-en.jsonl --db corpus.duckdb --workers 2 --no-progress
    python benchmarks/word_index.py corpus.duckdb SECONDS_THE_INGEST_TOOK
"""
import sys, time, duckdb
from veille.store.words import word_rows
from veille.store.duckdb import insert
db = sys.argv[1]; ingest_s = float(sys.argv[2])
con = duckdb.connect(db)
rows = con.execute("SELECT id, title, text FROM articles").fetchall()
n_words = con.execute("SELECT count(*) FROM words").fetchone()[0]
con.execute("CREATE TEMP TABLE w2 AS SELECT * FROM words LIMIT 0")
t = time.perf_counter()
for i in range(0, len(rows), 16):
    out = []
    for aid, title, text in rows[i:i+16]:
        out += word_rows(aid, title, text)
    insert(con, "w2", out)
cost = time.perf_counter() - t
print(f"{len(rows)} articles, {n_words} word rows; index {cost:.1f} s of an ingest of {ingest_s:.1f} s; "
      f"ingest / ingest without index = {ingest_s / (ingest_s - cost):.3f}")
