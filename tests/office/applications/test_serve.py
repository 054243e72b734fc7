"""`gongkai serve`: misuse and a busy port give a message and exit 2, never a traceback."""

import socket

import pytest

from gongkai.cli import main


@pytest.mark.parametrize("addr", ["foo:bar", "127.0.0.1:70000", "127.0.0.1:"])
def test_bad_address(addr, capsys):
    assert main(["serve", "--addr", addr]) == 2
    assert "监听地址" in capsys.readouterr().err


def test_busy_port(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--addr", f"127.0.0.1:{port}"]) == 2
    err = capsys.readouterr().err
    assert "已被占用" in err and "Traceback" not in err


def test_a_port_another_server_listens_on_is_busy_though_it_shares_its_port(capsys):
    """the workers listen with SO_REUSEPORT; a second `gongkai serve` on their port is still
    refused before it starts, not let in beside them"""
    with socket.socket() as taken:
        taken.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        assert main(["serve", "--addr", f"127.0.0.1:{port}"]) == 2
    assert "已被占用" in capsys.readouterr().err
