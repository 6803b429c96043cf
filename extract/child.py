"""Child processes that die with their limit. `subprocess.run(timeout=)` kills only the direct
child: LibreOffice's launcher died on time and left `soffice.bin` spinning (ppid 1) for every file
that hung it. A child here gets a session and process group of its own, and the whole group is
killed when the limit passes — and when the child ends, so nothing it started outlives it."""
from __future__ import annotations

import os
import signal
import subprocess


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_group(cmd: list[str], timeout: float, **kw) -> subprocess.CompletedProcess:
    """Like subprocess.run(cmd, capture_output=True, check=True, timeout=timeout), with the
    child's whole process group killed on timeout (TimeoutExpired) and once it ended."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kw)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc.pid)
        proc.communicate()
        raise
    except BaseException:  # interrupted: the group goes too
        _kill_group(proc.pid)
        proc.wait()
        raise
    _kill_group(proc.pid)  # anything it left behind in its group
    if proc.returncode:
        raise subprocess.CalledProcessError(proc.returncode, cmd, out, err)
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err)


__all__ = ["run_group"]
