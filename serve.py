"""Serve a checkpoint behind an OpenAI-compatible chat API, so any outside harness (or a judge, a teacher) can use it.

The endpoints, the chat rendering, streaming, batching and the reply fields are described in
minisafe/integrations/serve.py. The server binds loopback by default; an API key (--api-key, or the environment
variable MINISAFE_API_KEY, which keeps it out of the process list) makes every /v1 request carry
`Authorization: Bearer <key>`, and is required to bind any other address.

    python serve.py --model runs/sc_rl --port 8000
    python serve.py --model runs/sc_rl --port 0 --quiet        # any free port; the URL is printed
    MINISAFE_API_KEY=... python serve.py --model runs/sc_rl --host 0.0.0.0
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass

from minisafe import config as C
from minisafe.cli import run_main
from minisafe.config import opt
from minisafe.integrations.serve import KEY_ENV, Engine, Server
from minisafe.training import pick_device


@dataclass
class ServeConfig:
    """Every field is a command-line option (--field-name)."""
    host: str = opt("127.0.0.1", "address to bind (beyond loopback only with an API key)")
    port: int = opt(8000, "port (0: any free port; the URL is printed)", ge=0, le=65535)
    name: str | None = opt(None, "model name in the API (none: the directory's name)")
    max_new_tokens: int = opt(256, "completion length when a request sets none", gt=0)
    device: str = opt("cpu", "cpu, cuda or auto")
    api_key: str | None = opt(None, f"bearer token every /v1 request must carry (none: ${KEY_ENV}, if set)")
    workers: int = opt(64, "threads reading requests and writing replies", gt=0, le=1024)
    max_batch: int = opt(64, "rows sampled together at most (a request for n choices is n rows)", gt=0)
    max_queue: int = opt(256, "rows waiting for the sampler at most (beyond: 429)", gt=0)
    read_timeout: float = opt(10.0, "seconds a client has to send its whole request (beyond: 408)", gt=0)
    quiet: bool = opt(False, "no per-request log lines")


def main(argv=None):
    p = C.parser(__doc__)
    p.add_argument("--model", required=True, help="model directory (config.json, model.safetensors, tokenizer.json)")
    C.add_dataclass_args(p.add_argument_group("server"), ServeConfig)
    args = p.parse_args(argv)
    cfg = C.check(C.from_args(ServeConfig, args))
    engine = Engine.from_dir(args.model, cfg.name, cfg.max_new_tokens, str(pick_device(cfg.device)))
    try:
        server = Server(engine, cfg.host, cfg.port, quiet=cfg.quiet, api_key=cfg.api_key or os.environ.get(KEY_ENV),
                        workers=cfg.workers, max_batch=cfg.max_batch, max_queue=cfg.max_queue,
                        read_timeout=cfg.read_timeout)
    except OSError as e:  # port in use, address not on this machine, no permission
        sys.exit(f"error: cannot listen on {cfg.host}:{cfg.port}: {e.strerror or e}")
    except ValueError as e:  # beyond loopback without a key
        sys.exit(f"error: {e}")
    print(f"serving {engine.name} at {server.url} (context {engine.context} tokens"
          f"{', API key required' if server.api_key else ''})", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    run_main(main)
