"""What an image file in the content is, read from its header without Qt.

A curator adds an archive photograph or a drawing by naming its file in a
step. Before the exhibit opens a screen with it, ``--check`` must be able to
say that the file is missing, is not an image the exhibit can show, or is so
large that decoding it would stall a kiosk; so the core reads just enough of
each file (the PNG header, the JPEG frame header, the SVG root element) to
know its kind and its size in pixels.
"""

from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import Final
from xml.etree import ElementTree

#: Bigger files take seconds to read and decode on a kiosk's small computer.
MAX_IMAGE_BYTES: Final = 12_000_000
#: A drawing is text; a bigger one is not a drawing anyone made by hand.
MAX_SVG_BYTES: Final = 2_000_000
#: Longest side in pixels: a 4K screen shows at most 3840, zoomed in twice.
MAX_IMAGE_SIDE: Final = 8192
#: Pixels in all: a decoded image takes four bytes per pixel in memory.
MAX_IMAGE_PIXELS: Final = 40_000_000

KINDS: Final = ("png", "jpeg", "svg")

_PNG_SIGNATURE: Final = b"\x89PNG\r\n\x1a\n"
# JPEG start-of-frame markers (every SOFn but DHT C4, JPG C8 and DAC CC).
_JPEG_FRAMES: Final = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}
_SVG_LENGTH: Final = re.compile(r"\s*([0-9]*\.?[0-9]+)\s*(px)?\s*")


class ImageError(ValueError):
    """The file is not an image the exhibit can show; the message says why."""


@dataclass(frozen=True)
class ImageInfo:
    kind: str  # one of KINDS
    width: int  # pixels (an SVG's own size, from its width/height or viewBox)
    height: int


def read_image_info(path: Path) -> ImageInfo:
    """The kind and size of the image at ``path`` (see :func:`image_info`).

    OSError (a missing or unreadable file) is left to the caller.
    """
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        raise ImageError(f"is {size:,} bytes; images may have at most {MAX_IMAGE_BYTES:,}")
    return image_info(path.read_bytes())


def image_info(data: bytes) -> ImageInfo:
    """The kind and size of an image file's bytes; raise ImageError if it cannot be shown."""
    if len(data) > MAX_IMAGE_BYTES:
        raise ImageError(f"is {len(data):,} bytes; images may have at most {MAX_IMAGE_BYTES:,}")
    head = data[: 64 * 1024]
    if head.startswith(_PNG_SIGNATURE):
        info = _png(head)
    elif head.startswith(b"\xff\xd8"):
        info = _jpeg(data)
    elif _looks_like_xml(head):
        if len(data) > MAX_SVG_BYTES:
            raise ImageError(f"is {len(data):,} bytes; drawings may have at most {MAX_SVG_BYTES:,}")
        info = _svg(data)
    else:
        raise ImageError("is not a PNG, JPEG or SVG image")
    if info.width <= 0 or info.height <= 0:
        raise ImageError(f"has no size ({info.width}x{info.height})")
    if info.kind != "svg":
        if max(info.width, info.height) > MAX_IMAGE_SIDE:
            raise ImageError(
                f"is {info.width}x{info.height} pixels; the longest side may be at most "
                f"{MAX_IMAGE_SIDE}"
            )
        if info.width * info.height > MAX_IMAGE_PIXELS:
            raise ImageError(
                f"is {info.width}x{info.height} pixels; images may have at most "
                f"{MAX_IMAGE_PIXELS:,} pixels"
            )
    return info


def _png(head: bytes) -> ImageInfo:
    # The first chunk must be IHDR: length, type, then width and height.
    if len(head) < 24 or head[12:16] != b"IHDR":
        raise ImageError("is a damaged PNG file (no header)")
    width, height = struct.unpack(">II", head[16:24])
    return ImageInfo("png", width, height)


def _jpeg(data: bytes) -> ImageInfo:
    index = 2
    while index + 4 <= len(data):
        if data[index] != 0xFF:
            raise ImageError("is a damaged JPEG file")
        marker = data[index + 1]
        if marker == 0xFF:  # padding
            index += 1
            continue
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # no length
            index += 2
            continue
        (length,) = struct.unpack(">H", data[index + 2 : index + 4])
        if marker in _JPEG_FRAMES:
            if index + 9 > len(data):
                break
            height, width = struct.unpack(">HH", data[index + 5 : index + 9])
            return ImageInfo("jpeg", width, height)
        if marker == 0xDA or length < 2:  # image data before any frame header
            break
        index += 2 + length
    raise ImageError("is a damaged JPEG file (no frame header)")


def _looks_like_xml(head: bytes) -> bool:
    text = head.lstrip(b"\xef\xbb\xbf").lstrip()
    return text.startswith((b"<?xml", b"<svg", b"<!--"))


def _svg(data: bytes) -> ImageInfo:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        raise ImageError(f"is not a readable SVG drawing ({error})") from None
    if root.tag.rpartition("}")[2] != "svg":
        raise ImageError("is an XML file but not an SVG drawing")
    width = _svg_length(root.get("width"))
    height = _svg_length(root.get("height"))
    if width is None or height is None:
        box = (root.get("viewBox") or "").replace(",", " ").split()
        try:
            _x, _y, box_width, box_height = (float(part) for part in box)
        except ValueError:
            raise ImageError("is an SVG drawing with no width, height or viewBox") from None
        width, height = box_width, box_height
    return ImageInfo("svg", round(width), round(height))


def _svg_length(value: str | None) -> float | None:
    """A length in user units ("640", "640px"); None for none or a relative one ("100%")."""
    if value is None:
        return None
    match = _SVG_LENGTH.fullmatch(value)
    return float(match.group(1)) if match else None
