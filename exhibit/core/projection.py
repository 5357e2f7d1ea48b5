"""Map projection for the Indochina map, in pure Python so it can be tested without Qt.

The base map (``assets/maps/indochina.json``) is drawn once, offline, by
``tools/build_map.py``; places are put on it at run time from their latitude and
longitude. Both must go through the *same* projection with the *same* parameters, or
markers drift off their towns. So the asset records its projection and frame, and
:func:`load_geo_frame` rebuilds exactly that frame from the asset rather than trusting
constants in the program.

Why Lambert Conformal Conic: Indochina stretches about 17 degrees north to south but lies
in a narrow band of latitudes around 16 N. A conic projection with standard parallels at
11 N and 21 N keeps the scale error under about 1 % across the whole map, and being
conformal it keeps the shapes of coasts and valleys true, which is what a visitor reads on
a map. A spherical earth is enough at exhibit scale (the ellipsoid moves places by well
under a kilometre relative to each other, less than a pixel).

Coordinates: projected ``x`` is km east and ``y`` km north of the origin (16 N, 106 E).
The map frame turns them into unit coordinates ``u, v`` in 0..1 with ``v`` growing
downwards, as on a screen, and into the asset's SVG ``view_box`` (1000 units wide).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

EARTH_RADIUS_KM = 6371.0088
"""Mean earth radius (IUGG), the sphere the projection is computed on."""

PROJECTION_NAME = "lambert_conformal_conic"

VIEW_WIDTH = 1000.0
"""Width of the asset's SVG view box; its height is ``VIEW_WIDTH / aspect``."""


def _t(lat_rad: float) -> float:
    """The isometric-latitude term ``tan(pi/4 + lat/2)`` shared by the LCC formulas."""
    return math.tan(math.pi / 4.0 + lat_rad / 2.0)


@dataclass(frozen=True)
class LambertConformalConic:
    """Spherical Lambert Conformal Conic projection with two standard parallels.

    Defaults suit Indochina: standard parallels 11 N and 21 N, origin 16 N 106 E.
    ``project`` gives kilometres (x east, y north of the origin); ``unproject`` inverts it.
    Formulas: Snyder, *Map Projections: A Working Manual* (USGS PP 1395), ch. 15.
    """

    lat_1: float = 11.0
    lat_2: float = 21.0
    lat_0: float = 16.0
    lon_0: float = 106.0
    radius_km: float = EARTH_RADIUS_KM

    def __post_init__(self) -> None:
        # Reject parameters that make the cone degenerate rather than fail obscurely later.
        for name in ("lat_1", "lat_2", "lat_0"):
            if not -89.0 < getattr(self, name) < 89.0:
                raise ValueError(f"{name} must be strictly between -89 and 89 degrees")
        if self.lat_1 == -self.lat_2:
            raise ValueError("standard parallels symmetric about the equator give no cone")
        if self.radius_km <= 0:
            raise ValueError("radius_km must be positive")

    # Constants of the cone, derived from the parameters. Recomputed on use: they are cheap
    # and this keeps the dataclass a plain, comparable record of its parameters.
    @property
    def n(self) -> float:
        """Cone constant: how much of a full turn the map's meridians fan out over."""
        p1, p2 = math.radians(self.lat_1), math.radians(self.lat_2)
        if math.isclose(p1, p2):
            return math.sin(p1)
        return math.log(math.cos(p1) / math.cos(p2)) / math.log(_t(p2) / _t(p1))

    @property
    def _rf(self) -> float:
        """``R * F`` of Snyder's formulas."""
        n = self.n
        p1 = math.radians(self.lat_1)
        return self.radius_km * math.cos(p1) * _t(p1) ** n / n

    def _rho(self, lat: float) -> float:
        """Distance from the cone's apex to the parallel ``lat``, in km."""
        return self._rf / _t(math.radians(lat)) ** self.n

    def project(self, lat: float, lon: float) -> tuple[float, float]:
        """Return ``(x, y)`` in km east and north of the origin for a point in degrees."""
        if not -89.9 < lat < 89.9:
            # The far pole maps to infinity; the near one to the apex. Neither is on our map.
            raise ValueError(f"latitude {lat} is too close to a pole for this projection")
        n = self.n
        rho = self._rho(lat)
        theta = n * math.radians(_wrap_lon(lon - self.lon_0))
        return rho * math.sin(theta), self._rho(self.lat_0) - rho * math.cos(theta)

    def unproject(self, x: float, y: float) -> tuple[float, float]:
        """Return ``(lat, lon)`` in degrees for projected km; the inverse of :meth:`project`."""
        n = self.n
        dy = self._rho(self.lat_0) - y
        rho = math.copysign(math.hypot(x, dy), n)
        if n < 0:
            x, dy = -x, -dy
        theta = math.atan2(x, dy)
        if rho == 0.0:
            lat = math.copysign(90.0, n)
        else:
            lat = math.degrees(2.0 * math.atan((self._rf / rho) ** (1.0 / n)) - math.pi / 2.0)
        lon = _wrap_lon(self.lon_0 + math.degrees(theta / n))
        return lat, lon

    def scale_factor(self, lat: float) -> float:
        """Map scale relative to the sphere at ``lat`` (1 on the standard parallels).

        Conformal, so the same in every direction; it depends on latitude only.
        """
        p = math.radians(lat)
        return self.n * self._rho(lat) / (self.radius_km * math.cos(p))

    def to_dict(self) -> dict[str, Any]:
        """The parameters as recorded in a map asset's ``projection`` field."""
        return {
            "name": PROJECTION_NAME,
            "lat_1": self.lat_1,
            "lat_2": self.lat_2,
            "lat_0": self.lat_0,
            "lon_0": self.lon_0,
            "radius_km": self.radius_km,
            "units": "km",
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> LambertConformalConic:
        """Rebuild the projection from an asset's ``projection`` field."""
        name = data.get("name", PROJECTION_NAME)
        if name != PROJECTION_NAME:
            raise ValueError(f"unsupported projection {name!r}, expected {PROJECTION_NAME!r}")
        if data.get("units", "km") != "km":
            raise ValueError(f"unsupported projection units {data.get('units')!r}")
        try:
            return cls(
                lat_1=float(data["lat_1"]),
                lat_2=float(data["lat_2"]),
                lat_0=float(data["lat_0"]),
                lon_0=float(data["lon_0"]),
                radius_km=float(data.get("radius_km", EARTH_RADIUS_KM)),
            )
        except KeyError as missing:
            raise ValueError(f"projection is missing {missing.args[0]!r}") from None


def _wrap_lon(lon: float) -> float:
    """Bring a longitude into [-180, 180) so a difference never spans the globe twice."""
    return (lon + 180.0) % 360.0 - 180.0


INDOCHINA = LambertConformalConic()
"""The projection the Indochina base map is drawn in."""


def project(lat: float, lon: float) -> tuple[float, float]:
    """Project degrees to km with the :data:`INDOCHINA` projection."""
    return INDOCHINA.project(lat, lon)


def unproject(x: float, y: float) -> tuple[float, float]:
    """Inverse of :func:`project`: km to ``(lat, lon)`` degrees."""
    return INDOCHINA.unproject(x, y)


@dataclass(frozen=True)
class Bounds:
    """An axis-aligned rectangle in projected km: the part of the plane the map shows."""

    x_min: float
    x_max: float
    y_min: float
    y_max: float

    def __post_init__(self) -> None:
        if not (self.x_max > self.x_min and self.y_max > self.y_min):
            raise ValueError(f"empty bounds {self}")

    @property
    def width(self) -> float:
        return self.x_max - self.x_min

    @property
    def height(self) -> float:
        return self.y_max - self.y_min

    def contains(self, x: float, y: float) -> bool:
        return self.x_min <= x <= self.x_max and self.y_min <= y <= self.y_max

    def to_dict(self) -> dict[str, float]:
        return {"x_min": self.x_min, "x_max": self.x_max, "y_min": self.y_min, "y_max": self.y_max}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Bounds:
        try:
            return cls(*(float(data[k]) for k in ("x_min", "x_max", "y_min", "y_max")))
        except KeyError as missing:
            raise ValueError(f"bounds is missing {missing.args[0]!r}") from None


@dataclass(frozen=True)
class MapFrame:
    """Where a projected map sits on screen, independent of pixels.

    Unit coordinates ``(u, v)`` run 0..1 across the bounds, ``v`` downwards (north at the
    top), so the UI can scale the map to any size. View coordinates are the same scaled to
    the asset's SVG view box: ``(u * view_width, v * view_height)``; drawing a place there
    puts it exactly where the asset's coastlines put the same latitude and longitude.
    """

    projection: LambertConformalConic
    bounds: Bounds
    view_width: float = VIEW_WIDTH

    @property
    def aspect(self) -> float:
        """Width over height of the map (and of its view box)."""
        return self.bounds.width / self.bounds.height

    @property
    def view_height(self) -> float:
        return self.view_width / self.aspect

    @property
    def view_box(self) -> tuple[float, float, float, float]:
        """``(0, 0, width, height)``, the SVG view box the asset's paths are drawn in."""
        return (0.0, 0.0, self.view_width, self.view_height)

    def xy_to_unit(self, x: float, y: float) -> tuple[float, float]:
        """Projected km to unit coordinates (``v`` down). Outside the bounds gives <0 or >1."""
        b = self.bounds
        return (x - b.x_min) / b.width, (b.y_max - y) / b.height

    def unit_to_xy(self, u: float, v: float) -> tuple[float, float]:
        """Unit coordinates back to projected km."""
        b = self.bounds
        return b.x_min + u * b.width, b.y_max - v * b.height

    def to_unit(self, lat: float, lon: float) -> tuple[float, float]:
        """Degrees to unit coordinates ``(u, v)``, 0..1 inside the map, ``v`` down."""
        return self.xy_to_unit(*self.projection.project(lat, lon))

    def from_unit(self, u: float, v: float) -> tuple[float, float]:
        """Unit coordinates to ``(lat, lon)`` degrees, e.g. for a tap on the map."""
        return self.projection.unproject(*self.unit_to_xy(u, v))

    def to_view(self, lat: float, lon: float) -> tuple[float, float]:
        """Degrees to the asset's view-box coordinates, where its SVG paths live."""
        u, v = self.to_unit(lat, lon)
        return u * self.view_width, v * self.view_height

    def from_view(self, x: float, y: float) -> tuple[float, float]:
        """View-box coordinates to ``(lat, lon)`` degrees."""
        return self.from_unit(x / self.view_width, y / self.view_height)

    def contains(self, lat: float, lon: float) -> bool:
        """Whether the point falls inside the map's bounds."""
        return self.bounds.contains(*self.projection.project(lat, lon))

    def km_per_view_unit(self, x: float, y: float) -> float:
        """Kilometres on the ground that one view unit spans at view point ``(x, y)``.

        The map's km are true on the standard parallels; elsewhere the
        projection's scale factor (under 1 % off on this map) is divided out.
        """
        lat, _ = self.from_view(x, y)
        return self.bounds.width / self.view_width / self.projection.scale_factor(lat)

    def north_angle(self, x: float, y: float) -> float:
        """Which way north points at view point ``(x, y)``: degrees clockwise from straight up.

        A conic map's meridians converge on the cone's apex, so north leans
        towards the central meridian: left east of it, right west of it.
        """
        _, lon = self.from_view(x, y)
        return -self.projection.n * _wrap_lon(lon - self.projection.lon_0)


def nice_length(longest: float) -> float:
    """The longest round length (1, 2 or 5 times a power of ten) not over ``longest``.

    What a scale bar shows: e.g. 100 km when up to 180 km would fit. 0 if ``longest`` <= 0.
    """
    if longest <= 0 or not math.isfinite(longest):
        return 0.0
    power = 10.0 ** math.floor(math.log10(longest))
    for step in (5.0, 2.0, 1.0):
        if step * power <= longest * (1 + 1e-12):
            return step * power
    return power  # pragma: no cover - 1 * power always fits


def load_geo_frame(asset: Mapping[str, Any]) -> MapFrame:
    """Rebuild the frame a geographic map asset was drawn in, from the asset itself.

    ``asset`` is the parsed JSON of e.g. ``assets/maps/indochina.json``. Using the recorded
    parameters, not this module's defaults, keeps places aligned even if the defaults
    change and the asset is not rebuilt. Raises ValueError if the asset is inconsistent.
    """
    for key in ("projection", "bounds", "view_box"):
        if key not in asset:
            raise ValueError(f"map asset has no {key!r}: is it a geographic map?")
    view_box = [float(n) for n in asset["view_box"]]
    if len(view_box) != 4 or view_box[0] != 0 or view_box[1] != 0:
        raise ValueError(f"view_box must be [0, 0, width, height], got {asset['view_box']}")
    frame = MapFrame(
        projection=LambertConformalConic.from_dict(asset["projection"]),
        bounds=Bounds.from_dict(asset["bounds"]),
        view_width=view_box[2],
    )
    if not math.isclose(frame.view_height, view_box[3], abs_tol=0.01):
        raise ValueError(
            f"view_box height {view_box[3]} does not match the bounds "
            f"(expected {frame.view_height:.3f})"
        )
    return frame
