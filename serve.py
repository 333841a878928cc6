"""Serve a checkpoint behind an OpenAI-compatible chat API, so any outside harness (or a judge, a teacher) can use it.

The endpoints, the chat rendering and the reply fields are described in minisafe/integrations/serve.py. The server
binds loopback by default and has no authentication.

    python serve.py --model runs/sc_rl --port 8000
    python serve.py --model runs/sc_rl --port 0 --quiet        # any free port; the URL is printed
"""

from __future__ import annotations

import sys
from dataclasses import dataclass

from minisafe import config as C
from minisafe.cli import run_main
from minisafe.config import opt
from minisafe.integrations.serve import Engine, Server


@dataclass
class ServeConfig:
    """Every field is a command-line option (--field-name)."""
    host: str = opt("127.0.0.1", "address to bind (loopback only: no authentication)")
    port: int = opt(8000, "port (0: any free port; the URL is printed)", ge=0, le=65535)
    name: str | None = opt(None, "model name in the API (none: the directory's name)")
    max_new_tokens: int = opt(256, "completion length when a request sets none", gt=0)
    device: str = opt("cpu", "cpu, cuda or auto")
    quiet: bool = opt(False, "no per-request log lines")


def main(argv=None):
    p = C.parser(__doc__)
    p.add_argument("--model", required=True, help="model directory (config.json, model.safetensors, tokenizer.json)")
    C.add_dataclass_args(p.add_argument_group("server"), ServeConfig)
    args = p.parse_args(argv)
    cfg = C.check(C.from_args(ServeConfig, args))
    engine = Engine.from_dir(args.model, cfg.name, cfg.max_new_tokens, cfg.device)
    try:
        server = Server(engine, cfg.host, cfg.port, quiet=cfg.quiet)
    except OSError as e:  # port in use, address not on this machine, no permission
        sys.exit(f"error: cannot listen on {cfg.host}:{cfg.port}: {e.strerror or e}")
    if cfg.host not in ("127.0.0.1", "localhost", "::1"):
        print(f"warning: listening on {cfg.host} with no authentication", file=sys.stderr)
    print(f"serving {engine.name} at {server.url} (context {engine.context} tokens)", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    run_main(main)
