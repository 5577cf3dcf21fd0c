"""The studio's web app (Starlette) and how it is served (uvicorn on a socket of its own).

Security, checked for every request before any route runs (`Guard`):
- the Host header must be 127.0.0.1, localhost (or the --host given) with this port:
  a web page whose own name is made to point at 127.0.0.1 (DNS rebinding) is refused;
- the per-run token must come with it: in the query once (the printed URL), which sets a
  cookie only this origin sends (SameSite=Strict, HttpOnly), or in an X-Zinekit-Token header;
- a request that changes anything (not GET or HEAD) must name this origin in Origin (or,
  without one, Referer);
- file names go through `Folder.resolve`: only content files inside the opened folder.
The page loads nothing from elsewhere (Content-Security-Policy: 'self' only), and the server
fetches nothing from the network.

Language: the page's words come from the catalogs (GET /words, studio.toml [page]); the
page's language picker sets the studio's `lang` (POST /api/options), in which builds word
their errors and the server its answers. It starts as the server process's language.
"""

from __future__ import annotations

import asyncio
import contextlib
import hmac
import json
import secrets
import socket
from collections.abc import AsyncIterator, Awaitable, Callable, MutableMapping
from dataclasses import replace
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import (
    FileResponse,
    JSONResponse,
    PlainTextResponse,
    RedirectResponse,
    Response,
    StreamingResponse,
)
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles

from zinekit import i18n
from zinekit.errors import Location, Problem, ZinekitError
from zinekit.i18n import say
from zinekit.output import write_atomically
from zinekit.pipeline import BuildOptions
from zinekit.studio.builder import Builder, Result
from zinekit.studio.files import SUFFIXES, Folder, Refused

STATIC = Path(__file__).parent / "static"
TOKEN_HEADER = "x-zinekit-token"
LOCAL_NAMES = ("127.0.0.1", "localhost")
MAX_FILE = 2_000_000  # bytes: a content file is text; more is a mistake
CSP = (
    "default-src 'self'; img-src 'self' blob: data:; style-src 'self'; script-src 'self';"
    " connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[MutableMapping[str, Any]]]
Send = Callable[[MutableMapping[str, Any]], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]


class Guard:
    """ASGI middleware: the Host, token and same-origin rules, before any route."""

    def __init__(self, app: ASGIApp, studio: Studio) -> None:
        self.app = app
        self.studio = studio

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = {k.decode("latin-1").lower(): v.decode("latin-1") for k, v in scope["headers"]}
        refusal = self.studio.refusal(scope["method"], headers, scope.get("query_string", b""))
        if refusal is not None:
            lang = self.studio.lang
            reason = i18n.text(lang, f"studio.refused.{refusal}")
            line = i18n.text(lang, "studio.refused.line", reason=reason)
            response = PlainTextResponse(f"{line}\n", status_code=403)
            await response(scope, receive, send)
            return
        await self.app(scope, receive, send)


class Studio:
    """One run of `zinekit studio`: the folder, the token, the builder and the page's state."""

    def __init__(
        self,
        folder: Path,
        *,
        current: Path | None = None,
        host: str = "127.0.0.1",
        port: int = 0,
        token: str | None = None,
        lang: str | None = None,
    ) -> None:
        self.folder = Folder(folder)
        # The language of the page's errors and of the server's answers: the process's
        # (`zinekit --lang id studio`) until the page's picker chooses another.
        self.lang = lang or i18n.current()
        self.host = host
        self.port = port
        self.token = token or secrets.token_urlsafe(24)
        self.options = BuildOptions()
        self.current: str | None = self.folder.name_of(current) if current else None
        self.written: dict[str, bytes] = {}  # what the page last saved, per file
        self.clients: set[tuple[asyncio.AbstractEventLoop, asyncio.Queue[str]]] = set()
        self.builder = Builder(self._built)
        self.app = self._app()

    # --- the rules -------------------------------------------------------------------------

    @property
    def cookie(self) -> str:
        # Cookies do not keep ports apart: one name per port, for two studios at once.
        return f"zinekit-studio-{self.port}"

    def hosts(self) -> set[str]:
        names = {*LOCAL_NAMES, self.host}
        return {f"{name}:{self.port}" for name in names}

    def origins(self) -> set[str]:
        return {f"http://{host}" for host in self.hosts()}

    def refusal(self, method: str, headers: dict[str, str], query: bytes) -> str | None:
        """Why a request is refused (a key of studio.toml [refused]), or None: Host, then
        token, then origin for changes."""
        if headers.get("host", "").lower() not in self.hosts():
            return "host"
        if not self.token_ok(headers, query):
            return "token"
        if method not in ("GET", "HEAD"):
            origin = headers.get("origin")
            if origin is None:
                referer = headers.get("referer", "")
                if not any(referer.startswith(o + "/") for o in self.origins()):
                    return "no-origin"
            elif origin not in self.origins():
                return "other-origin"
        return None

    def token_ok(self, headers: dict[str, str], query: bytes) -> bool:
        given = [headers.get(TOKEN_HEADER, "")]
        for part in headers.get("cookie", "").split(";"):
            name, _, value = part.strip().partition("=")
            if name == self.cookie:
                given.append(value)
        given += parse_qs(query.decode("latin-1")).get("token", [])
        return any(hmac.compare_digest(g.encode(), self.token.encode()) for g in given if g)

    @property
    def url(self) -> str:
        host = "127.0.0.1" if self.host in ("127.0.0.1", "0.0.0.0", "::") else self.host
        return f"http://{host}:{self.port}/?token={self.token}"

    # --- building --------------------------------------------------------------------------

    def rebuild(self) -> int | None:
        if self.current is None:
            return None
        with i18n.speaking(self.lang):  # a refused path is worded in the page's language
            path = self.folder.resolve(self.current)
        return self.builder.request(path, self.options, self.lang)

    def _built(self, what: str, generation: int, result: Result | None) -> None:
        """Called in the builder's thread: tell every open page."""
        event = {"type": what, "generation": generation}
        if result is not None:
            event.update(self.describe(result))
        self.broadcast(event)

    def broadcast(self, event: dict[str, Any]) -> None:
        text = json.dumps(event)
        for loop, queue in list(self.clients):
            with contextlib.suppress(RuntimeError):  # that page's loop has closed
                loop.call_soon_threadsafe(queue.put_nowait, text)

    def describe(self, result: Result) -> dict[str, Any]:
        """What the page shows of a build, worded in the language it was built in."""
        with i18n.speaking(result.lang):
            return self._describe(result)

    def _describe(self, result: Result) -> dict[str, Any]:
        out = result.output
        done = out.typeset
        plan = done.plan if done else None
        return {
            "file": self.folder.name_of(result.content),
            "ok": out.ok,
            "problems": [self._problem(p) for p in out.problems],
            "notes": list(out.notes),
            "printing": out.printing,
            "pages": len(done.source.pages) if done else 0,
            "sheets": [{"back": back is not None} for _, back in result.sides()],
            "layout": done.job.layout.name if done else None,
            "duplex": plan.duplex if plan else None,
            "files": len(out.imposed),
            "two-sided": any(back is not None for _, back in result.sides()),
            "seconds": round(result.seconds, 3),
            "lang": result.lang,
        }

    def _problem(self, problem: Problem) -> dict[str, Any]:
        where = problem.where
        line = column = None
        path = where
        if isinstance(where, Location):
            line, column, path = where.line, where.column, where.path
        name = str(path) if path is not None else None
        if isinstance(path, Path | str) and path:
            with contextlib.suppress(ValueError, OSError):
                name = Path(path).resolve().relative_to(self.folder.root).as_posix()
        return {
            "text": str(problem),
            "message": problem.message,
            "hint": problem.hint,
            "file": name,
            "line": line,
            "column": column,
        }

    # --- watching other editors --------------------------------------------------------------

    async def watch(self, stop: asyncio.Event) -> None:
        from watchfiles import Change, awatch

        async for changes in awatch(
            self.folder.root, stop_event=stop, debounce=30, step=10, recursive=True
        ):
            touched = {Path(path) for change, path in changes if change != Change.deleted}
            await run_in_threadpool(self._changed, touched)

    def _changed(self, paths: set[Path]) -> None:
        """Another program changed files: reload the open one into the page, rebuild."""
        if self.current is None:
            return
        current = self.folder.resolve(self.current)
        relevant = False
        for path in paths:
            if path.name.startswith(".") or path.suffix.lower() in (".pdf", ".part", ".png~"):
                continue
            if path.resolve() == current:
                try:
                    data = current.read_bytes()
                except OSError:
                    continue
                if data == self.written.get(self.current):
                    continue  # the page's own save, already being built
                self.written[self.current] = data
                self.broadcast(
                    {
                        "type": "changed",
                        "file": self.current,
                        "text": data.decode("utf-8", "replace"),
                    }
                )
            relevant = True  # the content file, or an image or font it may use
        if relevant:
            self.rebuild()

    # --- the routes ------------------------------------------------------------------------

    def _app(self) -> Starlette:
        @contextlib.asynccontextmanager
        async def lifespan(app: Starlette) -> AsyncIterator[None]:
            stop = asyncio.Event()
            watcher = asyncio.create_task(self.watch(stop))
            self.rebuild()
            try:
                yield
            finally:
                stop.set()
                watcher.cancel()
                with contextlib.suppress(BaseException):
                    await watcher
                self.builder.stop()

        routes = [
            Route("/", self.index),
            Route("/words", self.words),
            Route("/api/state", self.state),
            Route("/api/file", self.read_file, methods=["GET"]),
            Route("/api/file", self.write_file, methods=["PUT"]),
            Route("/api/open", self.open_file, methods=["POST"]),
            Route("/api/new", self.new_file, methods=["POST"]),
            Route("/api/options", self.set_options, methods=["POST"]),
            Route("/api/events", self.events),
            Route("/api/picture/{generation:int}/{kind}/{number:int}.png", self.picture),
            Route("/api/pdf/{generation:int}/{which}", self.pdf),
            Mount("/static", StaticFiles(directory=STATIC), name="static"),
        ]
        app = Starlette(routes=routes, lifespan=lifespan)
        app.add_middleware(_Headers)
        app.add_middleware(Guard, studio=self)
        return app

    async def index(self, request: Request) -> Response:
        if "token" in request.query_params:
            # The token leaves the address bar (and the history): a cookie carries it on.
            response: Response = RedirectResponse("/", status_code=303)
            response.set_cookie(self.cookie, self.token, httponly=True, samesite="strict", path="/")
            return response
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-store"})

    async def words(self, request: Request) -> Response:
        """The page's words in every language zinekit speaks, from the catalogs."""
        return JSONResponse(
            {lang: i18n.entry(lang, "studio.page") for lang in i18n.LANGUAGES},
            headers={"Cache-Control": "no-store"},
        )

    async def state(self, request: Request) -> Response:
        from zinekit.impose.layout import builtin_names as layouts
        from zinekit.themes.load import builtin_names as themes
        from zinekit.units import paper_names

        latest = self.builder.latest
        return JSONResponse(
            {
                "folder": str(self.folder.root),
                "files": self.folder.content_files(),
                "current": self.current,
                "lang": self.lang,
                "languages": list(i18n.LANGUAGES),
                "starters": starters(self.lang),
                "choices": {
                    "layout": layouts(),
                    "theme": themes(),
                    "sheet": paper_names(),
                    "duplex": ["long", "short", "manual"],
                },
                "options": {
                    "layout": self.options.layout,
                    "theme": self.options.theme,
                    "sheet": self.options.sheet,
                    "duplex": self.options.duplex,
                },
                "generation": self.builder.generation,
                "latest": (
                    {"generation": latest.generation, **self.describe(latest)}
                    if latest is not None
                    else None
                ),
            }
        )

    async def read_file(self, request: Request) -> Response:
        path = self._path(request.query_params.get("path", ""))
        if isinstance(path, Response):
            return path
        try:
            text = path.read_bytes().decode("utf-8", "replace")
        except OSError as exc:
            return self._error(404, "cannot-read", reason=exc.strerror)
        return JSONResponse({"path": self.folder.name_of(path), "text": text})

    async def write_file(self, request: Request) -> Response:
        name = request.query_params.get("path", "")
        path = self._path(name)
        if isinstance(path, Response):
            return path
        data = await request.body()
        if len(data) > MAX_FILE:
            return self._error(413, "too-large")
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            return self._error(400, "not-utf8")
        if not path.parent.is_dir():
            return self._error(404, "no-folder")
        relative = self.folder.name_of(path)
        self.written[relative] = data
        try:
            await run_in_threadpool(self._speaking, write_atomically, path, lambda f: f.write(data))
        except ZinekitError as exc:
            with i18n.speaking(self.lang):
                return self._error(500, "cannot-save", reason=exc)
        except OSError as exc:
            return self._error(500, "cannot-save", reason=exc.strerror)
        generation = self.rebuild() if relative == self.current else None
        return JSONResponse({"saved": relative, "generation": generation})

    async def open_file(self, request: Request) -> Response:
        body = await _json(request)
        path = self._path(str(body.get("path", "")))
        if isinstance(path, Response):
            return path
        if not path.is_file():
            return self._error(404, "no-such-file")
        self.current = self.folder.name_of(path)
        self.written.pop(self.current, None)
        return JSONResponse({"current": self.current, "generation": self.rebuild()})

    async def new_file(self, request: Request) -> Response:
        body = await _json(request)
        starter = str(body.get("starter", ""))
        files = [p for p in starter_files(self.lang) if p.stem == starter]
        if not files:
            return self._error(404, "unknown-starter", name=starter)
        name = str(body.get("path") or f"{starter}{files[0].suffix}")
        path = self._path(name)
        if isinstance(path, Response):
            return path
        # The starter in the format the new name asks for (.md or .yaml), else the first.
        ending = path.suffix.lower().replace(".yml", ".yaml")
        source = next((p for p in files if p.suffix == ending), files[0])
        try:
            # "x": never replaces a file, as `zinekit new`.
            with path.open("x", encoding="utf-8", newline="\n") as f:
                f.write(source.read_text(encoding="utf-8"))
        except FileExistsError:
            return self._error(409, "exists")
        except OSError as exc:
            return self._error(500, "cannot-write", reason=exc.strerror)
        self.current = self.folder.name_of(path)
        return JSONResponse({"current": self.current, "generation": self.rebuild()})

    async def set_options(self, request: Request) -> Response:
        from zinekit.impose.layout import builtin_names as layouts
        from zinekit.themes.load import builtin_names as themes
        from zinekit.units import paper_names

        body = await _json(request)
        allowed = {
            "layout": layouts(),
            "theme": themes(),
            "sheet": paper_names(),
            "duplex": ["long", "short", "manual"],
        }
        changes: dict[str, Any] = {}
        lang = body.get("lang") or self.lang
        if lang not in i18n.LANGUAGES:
            return self._error(400, "unknown-option", key="lang", value=lang)
        for key, values in allowed.items():
            if key in body:
                value = body[key] or None
                if value is not None and value not in values:
                    return self._error(400, "unknown-option", key=key, value=value)
                changes[key] = value if key != "duplex" else (value or "long")
        self.lang = lang
        self.options = replace(self.options, **changes)
        return JSONResponse({"generation": self.rebuild()})

    async def events(self, request: Request) -> Response:
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[str] = asyncio.Queue()
        client = (loop, queue)
        self.clients.add(client)

        async def stream() -> AsyncIterator[str]:
            try:
                yield "retry: 1000\n\n"
                while True:
                    try:
                        text = await asyncio.wait_for(queue.get(), timeout=15)
                    except TimeoutError:
                        yield ": still here\n\n"  # keeps proxies and the browser patient
                        continue
                    yield f"data: {text}\n\n"
            finally:
                self.clients.discard(client)

        return StreamingResponse(
            stream(),
            media_type="text/event-stream",
            headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
        )

    def _result(self, generation: int) -> Result | None:
        """The newest build, or the newest good one (the page shows it while a mistake
        stops the builds); None for an older one."""
        for result in (self.builder.latest, self.builder.good):
            if result is not None and result.generation == generation:
                return result
        return None

    async def picture(self, request: Request) -> Response:
        result = self._result(request.path_params["generation"])
        if result is None:
            return self._error(404, "replaced")
        kind = request.path_params["kind"]
        lang = request.query_params.get("lang", self.lang)
        number = request.path_params["number"]
        try:
            png = await run_in_threadpool(self._speaking, result.picture, kind, number, lang)
        except ZinekitError as exc:
            with i18n.speaking(self.lang):
                return _problem_response(str(exc), 404)
        return Response(png, media_type="image/png", headers={"Cache-Control": "no-store"})

    async def pdf(self, request: Request) -> Response:
        result = self._result(request.path_params["generation"])
        if result is None or not result.output.ok:
            return self._error(404, "replaced-or-failed")
        out = result.output
        stem = result.content.stem
        which = request.path_params["which"]
        files = {"reading": (out.reading, f"{stem}.reading.pdf")}
        if len(out.imposed) == 2:
            files["fronts"] = (out.imposed[0], f"{stem}-fronts.pdf")
            files["backs"] = (out.imposed[1], f"{stem}-backs.pdf")
        else:
            files["print"] = (out.imposed[0], f"{stem}.pdf")
        if which not in files:
            return self._error(404, "no-pdf", which=which)
        data, name = files[which]
        return Response(
            data,
            media_type="application/pdf",
            headers={
                "Content-Disposition": f'attachment; filename="{name}"',
                "Cache-Control": "no-store",
            },
        )

    def _path(self, name: str) -> Path | Response:
        with i18n.speaking(self.lang):
            try:
                return self.folder.resolve(name)
            except Refused as exc:
                return _problem_response(str(exc), 403)

    def _error(self, status: int, key: str, /, **fields: object) -> Response:
        """An answer the page shows the user: studio.toml [server] `key` in its language."""
        return _problem_response(i18n.text(self.lang, f"studio.server.{key}", **fields), status)

    def _speaking(self, work: Callable[..., Any], *args: Any) -> Any:
        """`work(*args)` in the page's language (in a worker thread: the language of the
        request does not follow it there by itself)."""
        with i18n.speaking(self.lang):
            return work(*args)


class _Headers:
    """Headers on every response: no other site's content, not framed, not sniffed."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_with(message: MutableMapping[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                headers += [
                    (b"content-security-policy", CSP.encode()),
                    (b"x-content-type-options", b"nosniff"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"x-frame-options", b"DENY"),
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with)


def starter_files(lang: str) -> list[Path]:
    """The `zinekit new` starters whose comments speak `lang`, every format of every kind."""
    from zinekit.cli.new import starter_dir

    folder = starter_dir(lang)
    return sorted(p for p in folder.iterdir() if p.suffix.lower() in SUFFIXES)


def starters(lang: str) -> list[dict[str, str]]:
    """The `zinekit new` starters: name, file suffix and the title written in it."""
    found = []
    for path in starter_files(lang):
        title = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            key, _, value = line.partition(":")
            if key.strip().lower() in ("title", "# title") and value.strip():
                title = value.split(" #")[0].strip().strip("\"'")
                break
        found.append({"name": path.stem, "suffix": path.suffix, "about": title})
    return found


def _problem_response(message: str, status: int) -> Response:
    return JSONResponse({"error": message}, status_code=status)


async def _json(request: Request) -> dict[str, Any]:
    try:
        body = await request.json()
    except (ValueError, UnicodeDecodeError):
        return {}
    return body if isinstance(body, dict) else {}


def listen(host: str, port: int) -> socket.socket:
    """A listening socket on `host` (a free port when `port` is 0)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as exc:
        sock.close()
        raise ZinekitError(
            say("studio.command.cannot-listen", host=host, port=port, reason=exc.strerror),
            hint=say("studio.command.cannot-listen-hint"),
        ) from None
    sock.listen(64)
    return sock


def serve(studio: Studio, sock: socket.socket) -> None:
    """Serve until Ctrl-C."""
    import uvicorn

    config = uvicorn.Config(
        studio.app,
        log_level="warning",
        access_log=False,
        lifespan="on",
        timeout_graceful_shutdown=1,
    )
    uvicorn.Server(config).run(sockets=[sock])
