"""The images of an import: checked with Pillow and saved under names made here."""

from __future__ import annotations

import io
from pathlib import Path

KEPT = {"PNG": "png", "JPEG": "jpg"}  # what zinekit prints as it is; others become PNG


class Images:
    """Saves pictures as `image-1.png`, `image-2.jpg`... into `staging`, a folder that becomes
    `folder_name` beside the output; returns their paths relative to the output."""

    def __init__(self, staging: Path, folder_name: str) -> None:
        self.staging, self.folder_name = staging, folder_name
        self.count = 0

    def save(self, data: bytes) -> str | None:
        """The relative path of `data` saved as the next image, or None if it is no picture
        zinekit opens (a Word drawing, SVG, EPS, a damaged file, a decompression bomb)."""
        from zinekit.pictures import PictureError, open_picture

        try:
            with open_picture(io.BytesIO(data)) as picture:
                picture.load()
                suffix = KEPT.get(picture.format or "")
                if suffix is None:
                    alpha = "A" in picture.getbands() or "transparency" in picture.info
                    buffer = io.BytesIO()
                    picture.convert("RGBA" if alpha else "RGB").save(buffer, "PNG")
                    suffix, data = "png", buffer.getvalue()
        except (PictureError, OSError, ValueError):
            return None
        self.count += 1
        name = f"image-{self.count}.{suffix}"
        (self.staging / name).write_bytes(data)
        return f"{self.folder_name}/{name}"
