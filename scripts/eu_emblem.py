"""Draw the EU emblem as static/img/eu-emblem.svg from its geometric description (run: python scripts/eu_emblem.py).

The emblem's construction: a blue rectangle one and a half times as wide as it is high (3:2); twelve gold five-pointed
stars, one point upwards, at the hours of a clock face on an invisible circle whose radius is a third of the height;
each star's points lie on a circle whose radius is an eighteenth of the height.
"""

import math
from pathlib import Path

WIDTH, HEIGHT = 810, 540
BLUE, GOLD = "#039", "#fc0"
TARGET = Path(__file__).resolve().parent.parent / "static" / "img" / "eu-emblem.svg"


def star_points(x, y, outer):
    """The ten corners of an upright regular five-pointed star centred on (x, y)."""
    inner = outer * math.sin(math.radians(18)) / math.sin(math.radians(54))
    corners = []
    for k in range(10):
        angle = math.radians(-90 + 36 * k)
        radius = outer if k % 2 == 0 else inner
        corners.append(f"{x + radius * math.cos(angle):.2f},{y + radius * math.sin(angle):.2f}")
    return " ".join(corners)


def emblem_svg():
    centre_x, centre_y, ring = WIDTH / 2, HEIGHT / 2, HEIGHT / 3
    stars = []
    for hour in range(12):
        angle = math.radians(-90 + 30 * hour)
        points = star_points(centre_x + ring * math.cos(angle), centre_y + ring * math.sin(angle), HEIGHT / 18)
        stars.append(f'    <polygon points="{points}"/>')
    body = "\n".join(stars)
    size = f'viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}"'
    return f"""<svg xmlns="http://www.w3.org/2000/svg" {size} role="img" aria-labelledby="eu-emblem-title">
  <title id="eu-emblem-title">European Union emblem</title>
  <!-- Drawn by scripts/eu_emblem.py; pages give it a text alternative in the reader's language. -->
  <rect width="{WIDTH}" height="{HEIGHT}" fill="{BLUE}"/>
  <g fill="{GOLD}">
{body}
  </g>
</svg>
"""


if __name__ == "__main__":
    TARGET.write_text(emblem_svg(), encoding="utf-8")
