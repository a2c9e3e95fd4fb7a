"""Country shapes for the dashboard's map, shipped as dashboard/world_110m.geojson (features keyed by ISO3).

The file is built once from Natural Earth's public-domain 1:110m Admin 0 countries, as redistributed in
TopoJSON by the npm package world-atlas (countries-110m.json), so the map needs no network at run time:
    npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    python -m dashboard.worldmap package/countries-110m.json
"""

from __future__ import annotations

import json
import sys
from functools import cache
from pathlib import Path

import pycountry

WORLD_FILE = Path(__file__).with_name("world_110m.geojson")
# Shapes without an ISO 3166 numeric code: Kosovo has the user-assigned XKX (as extract/ uses);
# the others belong to their ISO 3166 country.
UNCODED = {"Kosovo": "XKX", "N. Cyprus": "CYP", "Somaliland": "SOM"}
LEFT_OUT = {"ATA"}  # Antarctica: no news events, and huge on a Web Mercator map


@cache
def world_geojson() -> dict:
    """The country shapes as a GeoJSON FeatureCollection whose feature ids are ISO3 codes."""
    return json.loads(WORLD_FILE.read_text(encoding="utf-8"))


@cache
def mapped_codes() -> frozenset[str]:
    """The ISO3 codes the map can draw."""
    return frozenset(f["id"] for f in world_geojson()["features"])


def _decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs (quantised, delta-encoded) as lists of (lon, lat)."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((round(x * sx + tx, 2), round(y * sy + ty, 2)))
        arcs.append(points)
    return arcs


def _ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    """One closed ring from arc indexes (~i is arc i reversed), each arc's first point shared with the last;
    a ring crossing the antimeridian continues past +-180 degrees instead of jumping across the map."""
    ring: list[tuple[float, float]] = []
    for i in indexes:
        points = arcs[i] if i >= 0 else arcs[~i][::-1]
        ring.extend(points if not ring else points[1:])
    shift, out = 0.0, ring[:1]
    for (lon0, _), (lon, lat) in zip(ring, ring[1:], strict=False):
        if abs(lon - lon0) > 180:
            shift -= 360 if lon > lon0 else -360
        out.append((round(lon + shift, 2), lat))
    return out


def build(topojson_path: str | Path, out: Path = WORLD_FILE) -> int:
    """Write the GeoJSON of the `countries` object of a world-atlas TopoJSON file; returns the features."""
    topology = json.loads(Path(topojson_path).read_text(encoding="utf-8"))
    arcs = _decode_arcs(topology)
    polygons: dict[str, list] = {}
    for geometry in topology["objects"]["countries"]["geometries"]:
        numeric, name = geometry.get("id", ""), geometry.get("properties", {}).get("name", "")
        country = pycountry.countries.get(numeric=numeric) if numeric else None
        code = country.alpha_3 if country else UNCODED.get(name)
        if not code or code in LEFT_OUT or geometry["type"] not in ("Polygon", "MultiPolygon"):
            continue
        parts = [geometry["arcs"]] if geometry["type"] == "Polygon" else geometry["arcs"]
        polygons.setdefault(code, []).extend([[_ring(r, arcs) for r in part] for part in parts])
    features = [
        {"type": "Feature", "id": code, "geometry": {"type": "MultiPolygon", "coordinates": parts}}
        for code, parts in sorted(polygons.items())
    ]
    text = json.dumps({"type": "FeatureCollection", "features": features}, separators=(",", ":"))
    out.write_text(text + "\n", encoding="utf-8")
    return len(features)


if __name__ == "__main__":
    print(f"wrote {build(sys.argv[1])} countries to {WORLD_FILE}")
