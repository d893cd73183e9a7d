"""Paths under MEDIA_ROOT: every one is resolved and refused unless it stays inside."""

from __future__ import annotations

import pytest

from server.storage import MediaPathError, media_path, stored_file


@pytest.mark.parametrize("relative", ["../x", "recordings/../../x", "/etc/passwd", "", ".", "a/\x00b",
                                      "recordings/1/../../../x.mp3"])
def test_a_path_that_leaves_media_root_is_refused(tmp_path, relative):
    with pytest.raises(MediaPathError):
        media_path(tmp_path / "media", relative)
    assert stored_file(tmp_path / "media", relative) is None


def test_a_symlink_out_of_media_root_is_refused(tmp_path):
    root = tmp_path / "media"
    (root / "recordings").mkdir(parents=True)
    (tmp_path / "secret").write_text("x")
    (root / "recordings" / "link.mp3").symlink_to(tmp_path / "secret")
    with pytest.raises(MediaPathError):
        media_path(root, "recordings/link.mp3")


def test_a_path_inside_is_the_resolved_file(tmp_path):
    root = tmp_path / "media"
    (root / "recordings" / "1").mkdir(parents=True)
    (root / "recordings" / "1" / "a.mp3").write_bytes(b"ID3")
    assert media_path(root, "recordings/1/a.mp3") == (root / "recordings/1/a.mp3").resolve()
    assert stored_file(root, "recordings/1/a.mp3") == (root / "recordings/1/a.mp3").resolve()
    assert stored_file(root, "recordings/1/missing.mp3") is None and stored_file(root, None) is None
