"""The PNG pictures `--preview` writes beside the output: their names, known before the
atomic write starts, and their bytes, drawn from the imposed files."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from zinekit.errors import OutputError, ZinekitError
from zinekit.i18n import say
from zinekit.impose.plan import Plan
from zinekit.impose.sheets import WholePage
from zinekit.pdf import Source

Extras = list[tuple[list[WholePage], list[WholePage]]]  # per written file: before, after


class Previews:
    """The PNG pictures of one run: their paths, known before imposing, and their bytes."""

    def __init__(self, source: Source, plan: Plan, targets: list[Path], extras: Extras) -> None:
        # Imported here: a renderer is needed only for previews.
        from zinekit import preview

        self.module = preview
        self.render = preview.require_renderer()
        self.plan, self.extras = plan, extras
        base = targets[0]
        if len(targets) == 2:
            base = base.with_name(base.name.replace("-fronts.pdf", ".pdf"))
        self.folder = base.with_name(f"{base.stem}.preview")
        if self.folder.exists() and not self.folder.is_dir():
            raise OutputError(
                say("cli.previews.folder-taken"),
                where=self.folder,
                hint=say("cli.previews.folder-taken-hint"),
            )
        self.notes: list[str] = []
        # The reading order depends on the source alone: drawn first, so the pictures'
        # names are all known before the atomic write starts.
        try:
            if source.data is None:
                raise ZinekitError(say("cli.previews.no-source"))
            self.reading = preview.reading_images(self.render, source.data, source.password)
        except ZinekitError as exc:
            self.notes.append(say("cli.previews.no-reading", reason=exc))
            self.reading = []
        sheets = len(plan.sheets)
        digits = max(2, len(str(sheets)))
        names = [f"sheet-{n:0{digits}d}.png" for n in range(1, sheets + 1)]
        if self.has_instructions:
            names.append("instructions.png")
        if len(self.reading) == 1:
            names.append("reading.png")
        else:
            width = max(2, len(str(len(self.reading))))
            names += [f"reading-{n:0{width}d}.png" for n in range(1, len(self.reading) + 1)]
        self.paths = [self.folder / name for name in names]

    @property
    def has_instructions(self) -> bool:
        return any(before or after for before, after in self.extras)

    @contextlib.contextmanager
    def writing(self) -> Iterator[None]:
        """The folder made for the pictures; removed again if the run fails and it was new,
        tidied of an earlier run's extra pictures if the run succeeds."""
        made = not self.folder.exists()
        self.folder.mkdir(exist_ok=True)
        try:
            yield
        except BaseException:
            if made:
                with contextlib.suppress(OSError):
                    self.folder.rmdir()
            raise
        keep = {p.name for p in self.paths}
        for old in self.folder.glob("*.png"):
            if old.name not in keep and old.name.startswith(("sheet-", "reading", "instructions")):
                old.unlink(missing_ok=True)

    def images(self, imposed: list[bytes]) -> list[bytes]:
        """Every picture's bytes, in the order of `paths`."""
        sides: list[tuple[tuple[int, int], tuple[int, int] | None]] = []
        fronts_at = len(self.extras[0][0])
        backs_at = len(self.extras[1][0]) if len(imposed) == 2 else None
        for sheet in self.plan.sheets:
            front, back = (0, fronts_at), None
            fronts_at += 1
            if sheet.back is not None and backs_at is None:
                back, fronts_at = (0, fronts_at), fronts_at + 1
            elif sheet.back is not None and backs_at is not None:
                back, backs_at = (1, backs_at), backs_at + 1
            sides.append((front, back))
        images = self.module.sheet_images(self.render, imposed, sides)
        if self.has_instructions:
            index = 0 if self.extras[0][0] else fronts_at
            images.append(self.module.page_image(self.render, imposed[0], index))
        return images + self.reading
