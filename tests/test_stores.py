import json
from pathlib import Path

import pytest

from cli.main import main as cli_main
from stores.db import Store
from stores.export import export_records, fetch_records


@pytest.fixture(params=["sqlite", "postgresql"])
def store(request, tmp_path):
    if request.param == "sqlite":
        yield Store.open(f"sqlite:///{tmp_path / 'v.sqlite'}")
        return
    s = Store.open(request.getfixturevalue("postgres_url"))
    yield s
    s.engine.dispose()


def test_round_trip_and_idempotence(store, extracted):
    result = extracted("000.docx")
    store.save_result(result)
    once = store.counts()
    assert once["tasks"] == 37 and once["extraction_runs"] == 1
    exported = fetch_records(store, "tasks")
    got = [{k: v for k, v in r.items() if k not in ("document", "sha256")} for r in exported]
    assert got == [t.model_dump(mode="json") for t in result.records.tasks]
    store.save_result(result)  # the same extraction again
    assert store.counts() == once


def test_catalog_round_trip_and_csv(store, extracted):
    result = extracted("004.pdf")
    store.save_result(result)
    rows = fetch_records(store, "catalog")
    assert len(rows) == 44 and sum(r["kind"] == "technology" for r in rows) == 12
    csv_text = export_records(store, "catalog", "csv")
    assert csv_text.splitlines()[0].startswith("document,kind,number,name")
    assert "Bộ Công Thương; Bộ Xây dựng" in csv_text


def test_new_extractor_version_is_a_new_run(store, extracted):
    result = extracted("004.docx")
    store.save_result(result)
    store.save_result(result.model_copy(update={"extractor_version": "9.9.9"}))
    counts = store.counts()
    assert counts["documents"] == 1 and counts["extraction_runs"] == 2
    assert len(fetch_records(store, "catalog")) == 44  # export reads the newest run only


def test_cli_store_and_export(samples, tmp_path, capsys):
    db = f"sqlite:///{tmp_path / 'not-yet' / 'cli.sqlite'}"  # a folder that does not exist: a typo, say so
    args = ["extract", str(samples / "000.pdf"), "-o", str(tmp_path / "o"), "-q", "--store", "--database", db]
    assert cli_main(args) == 2 and not (tmp_path / "not-yet").exists()
    (tmp_path / "not-yet").mkdir()
    assert cli_main(args) == 0
    capsys.readouterr()
    assert cli_main(["export", "tasks", "--format", "json", "--database", db]) == 0
    tasks = json.loads(capsys.readouterr().out)
    assert len(tasks) == 37 and tasks[0]["source_ref"] == "2631/BQP-KHQS"


def test_informational_warnings_add_no_review_risk(extracted):
    """The 38-page scan scored 43.75, mostly from 31 `deskewed` and an agreeing `total_checked`:
    what was done and checked is no risk; a mismatch and a repaired digit are."""
    from models import Warning
    from stores.review import queue_fields
    clean = extracted("004.pdf").model_copy(deep=True)
    clean.warnings = []
    base = queue_fields(clean)["risk"]
    clean.warnings = [Warning(code="deskewed", message="1.2°", page=p) for p in range(1, 32)]
    clean.warnings.append(Warning(code="total_checked", message="the totals agree"))
    assert queue_fields(clean)["risk"] == base
    clean.warnings.append(Warning(code="total_mismatch", message="1.000 ≠ 1.100"))
    assert queue_fields(clean)["risk"] == base + 5


def test_one_database_rule_for_every_command(tmp_path):
    """`serve`, `extract`, `export` used ./vanthu.sqlite or VANTHU_DATABASE_URL; `watch`, `status`,
    `reprocess` used <root>/vanthu.sqlite and ignored the variable: `vanthu serve --root R` started
    elsewhere did not open R's queue. Now every command: --database, else the variable, else the
    root's file."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    from models import Settings
    from stores.db import database_url, sqlite_url
    from web.app import create_app
    root, elsewhere = tmp_path / "R", tmp_path / "elsewhere"
    root.mkdir()
    elsewhere.mkdir()
    env = {k: v for k, v in os.environ.items() if k != "VANTHU_DATABASE_URL"}
    vanthu = str(Path(sys.executable).with_name("vanthu"))
    subprocess.run([vanthu, "user", "add", "an", "--role", "admin", "--root", str(root)], cwd=elsewhere, check=True,
                   env={**env, "VANTHU_NEW_PASSWORD": "mật-khẩu-dài-9"}, capture_output=True)
    assert (root / "vanthu.sqlite").exists() and not (elsewhere / "vanthu.sqlite").exists()
    status = subprocess.run([vanthu, "status", "--root", str(root), "--json"], cwd=elsewhere, env=env,
                            capture_output=True, text=True)
    assert status.returncode == 0, status.stderr
    app = create_app(None, root, Settings(), background=False)
    assert app.state.ctx.store.engine.url.database == str((root / "vanthu.sqlite").resolve())
    assert database_url(None, root) == sqlite_url(root / "vanthu.sqlite")
    assert database_url("sqlite:////x/y.sqlite", root) == "sqlite:////x/y.sqlite"


def test_the_store_refuses_a_state_move_the_transition_table_does_not_allow(tmp_path):
    """A file cannot skip a side effect: done only after its JSON is stored, failed only through
    quarantine or the retries; a quarantine never becomes done."""
    from models.intake import IllegalTransition, IntakeState
    from stores import intake
    s = Store.open(f"sqlite:///{tmp_path / 'v.sqlite'}")
    intake.receive(s, "a" * 64, "x.docx")
    with pytest.raises(IllegalTransition):
        intake.advance(s, "a" * 64, IntakeState.DONE)          # received: nothing archived yet
    intake.advance(s, "a" * 64, IntakeState.ARCHIVED, archive_path="/a")
    intake.advance(s, "a" * 64, IntakeState.QUARANTINING)
    with pytest.raises(IllegalTransition):
        intake.advance(s, "a" * 64, IntakeState.DONE)
    intake.advance(s, "a" * 64, IntakeState.FAILED)
    assert intake.get(s, "a" * 64).state == IntakeState.FAILED


def test_the_vanthu_script_leaves_the_database_whole(samples, tmp_path):
    """`vanthu extract --store` run as the installed script: its database file alone holds what
    was stored. The script freezes the objects alive at exit to skip the interpreter's last
    collections; a SQLite connection frozen in a cycle was never closed and left its data in the
    -wal file (the review of that change: a 4 KB database and a 1.2 MB WAL)."""
    import shutil
    import sqlite3
    import subprocess
    import sys
    script = shutil.which("vanthu", path=str(Path(sys.executable).parent))
    db = tmp_path / "db.sqlite"
    done = subprocess.run([script, "extract", str(samples / "004.docx"), "-o", str(tmp_path / "o"), "-q",
                           "--store", "--database", f"sqlite:///{db}"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert not Path(f"{db}-wal").exists() or Path(f"{db}-wal").stat().st_size == 0
    alone = tmp_path / "copy.sqlite"
    shutil.copy(db, alone)
    with sqlite3.connect(alone) as con:
        assert con.execute("select count(*) from sqlite_master where type = 'table'").fetchone()[0] > 0
