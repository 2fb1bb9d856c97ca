#!/usr/bin/env python3
"""Benchmark driver for python-liquid (2.x API).

    python3 python_liquid.py --bench-data DIR [--seconds S] [--check-only]

Renders the theme-runner workload described in bench-data/README.md, checks
all 30 pages against expected/ (exit 1 on any mismatch), then times the
parse, render and parse+render phases and prints one JSON line.

The Shopify-only filters and tags below are our own code, written from the
README's description and the expected/ output.
"""

from __future__ import annotations

import os
import time

os.environ["TZ"] = "UTC"
time.tzset()

import argparse  # noqa: E402
import datetime  # noqa: E402
import json  # noqa: E402
import math  # noqa: E402
import platform  # noqa: E402
import re  # noqa: E402
import sys  # noqa: E402
from importlib.metadata import version  # noqa: E402
from pathlib import Path  # noqa: E402

from liquid import Environment  # noqa: E402
from liquid import Mode  # noqa: E402
from liquid.ast import BlockNode  # noqa: E402
from liquid.ast import Node  # noqa: E402
from liquid.builtin.expressions import parse_primitive  # noqa: E402
from liquid.exceptions import LiquidSyntaxError  # noqa: E402
from liquid.exceptions import LiquidTypeError  # noqa: E402
from liquid.filter import with_context  # noqa: E402
from liquid.parser import get_parser  # noqa: E402
from liquid.tag import Tag  # noqa: E402
from liquid.token import TOKEN_EOF  # noqa: E402
from liquid.token import TOKEN_INTEGER  # noqa: E402
from liquid.token import TOKEN_TAG  # noqa: E402
from liquid.token import TOKEN_WORD  # noqa: E402
from liquid.undefined import is_undefined  # noqa: E402

# ---------------------------------------------------------------- filters


def _nil(x: object) -> bool:
    return x is None or is_undefined(x)


def _s(x: object) -> str:
    """Liquid's string form of a value, as Ruby string interpolation gives it."""
    if _nil(x):
        return ""
    if x is True:
        return "true"
    if x is False:
        return "false"
    return str(x)


def money(x: object) -> str:
    return "" if _nil(x) else "$ %.2f" % (x / 100.0)  # type: ignore[operator]


def money_with_currency(x: object) -> str:
    return "" if _nil(x) else "$ %.2f USD" % (x / 100.0)  # type: ignore[operator]


def asset_url(x: object) -> str:
    return f"/files/1/[shop_id]/[shop_id]/assets/{_s(x)}"


def global_asset_url(x: object) -> str:
    return f"/global/{_s(x)}"


def shopify_asset_url(x: object) -> str:
    return f"/shopify/{_s(x)}"


def script_tag(url: object) -> str:
    return f'<script src="{_s(url)}" type="text/javascript"></script>'


def stylesheet_tag(url: object, media: object = "all") -> str:
    return (
        f'<link href="{_s(url)}" rel="stylesheet" type="text/css"  '
        f'media="{_s(media)}"  />'
    )


def link_to(text: object, url: object, title: object = "") -> str:
    return f'<a href="{_s(url)}" title="{_s(title)}">{_s(text)}</a>'


def img_tag(url: object, alt: object = "") -> str:
    return f'<img src="{_s(url)}" alt="{_s(alt)}" />'


_HANDLE_DROP = str.maketrans("", "", "'\"()[]")
_NON_WORD = re.compile(r"\W+", re.ASCII)


def _handleize(s: object) -> str:
    h = _NON_WORD.sub("-", _s(s).lower().translate(_HANDLE_DROP))
    return h.strip("-")


def link_to_vendor(vendor: object) -> str:
    if _nil(vendor):
        return "Unknown Vendor"
    return link_to(vendor, f"/collections/{_handleize(vendor)}", vendor)


def link_to_type(type_: object) -> str:
    if _nil(type_):
        return "Unknown Vendor"
    return link_to(type_, f"/collections/{_handleize(type_)}", type_)


_PRODUCT_IMAGE = re.compile(r"products/([\w\-]+)\.(\w{2,4})", re.ASCII)
_IMAGE_SIZES = frozenset(
    ("grande", "large", "medium", "compact", "small", "thumb", "icon")
)


def product_img_url(url: object, size: object = "small") -> str:
    m = _PRODUCT_IMAGE.match(_s(url))
    if not m:
        raise LiquidTypeError("product_img_url: not a product image", token=None)
    if size == "original":
        return f"/files/shops/random_number/{_s(url)}"
    if size not in _IMAGE_SIZES:
        raise LiquidTypeError(f"product_img_url: unknown size {size}", token=None)
    return f"/files/shops/random_number/products/{m.group(1)}_{size}.{m.group(2)}"


def _to_i(x: object) -> int:
    try:
        return int(x)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        return 0


def default_pagination(paginate: dict) -> str:
    spans = []
    prev = paginate.get("previous")
    if prev:
        spans.append(f'<span class="prev">{link_to(prev["title"], prev["url"])}</span>')
    for part in paginate["parts"]:
        if part["is_link"]:
            spans.append(
                f'<span class="page">{link_to(part["title"], part["url"])}</span>'
            )
        elif _to_i(part["title"]) == _to_i(paginate["current_page"]):
            spans.append(f'<span class="page current">{_s(part["title"])}</span>')
        else:
            spans.append(f'<span class="deco">{_s(part["title"])}</span>')
    nxt = paginate.get("next")
    if nxt:
        spans.append(f'<span class="next">{link_to(nxt["title"], nxt["url"])}</span>')
    return " ".join(spans)


def pluralize(x: object, singular: object, plural: object) -> object:
    return singular if (x == 1 and not isinstance(x, bool)) else plural


def _current_tags(context) -> list:  # noqa: ANN001
    tags = context.resolve("current_tags", default=None)
    if _nil(tags):
        return []
    return list(tags) if isinstance(tags, (list, tuple)) else [tags]


def _handle(context) -> str:  # noqa: ANN001
    return _s(context.resolve("handle", default=None))


def _uniq(items: list) -> list:
    out: list = []
    for i in items:
        if i not in out:
            out.append(i)
    return out


@with_context
def link_to_tag(label: object, tag: object, *, context) -> str:  # noqa: ANN001
    return (
        f'<a title="Show tag {_s(tag)}" href="/collections/{_handle(context)}/'
        f'{_s(tag)}">{_s(label)}</a>'
    )


@with_context
def highlight_active_tag(tag: object, css_class: object = "active", *, context) -> object:  # noqa: ANN001
    if tag in _current_tags(context):
        return f'<span class="{_s(css_class)}">{_s(tag)}</span>'
    return tag


@with_context
def link_to_add_tag(label: object, tag: object, *, context) -> str:  # noqa: ANN001
    tags = _uniq([*_current_tags(context), tag])
    joined = "+".join(_s(t) for t in tags)
    return (
        f'<a title="Show tag {_s(tag)}" href="/collections/{_handle(context)}/'
        f'{joined}">{_s(label)}</a>'
    )


@with_context
def link_to_remove_tag(label: object, tag: object, *, context) -> str:  # noqa: ANN001
    tags = _uniq([t for t in _current_tags(context) if t != tag])
    joined = "+".join(_s(t) for t in tags)
    return (
        f'<a title="Show tag {_s(tag)}" href="/collections/{_handle(context)}/'
        f'{joined}">{_s(label)}</a>'
    )


def json_filter(x: object) -> str:
    if isinstance(x, dict):
        x = {k: v for k, v in x.items() if k != "collections"}
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


def identity(x: object, *_args: object, **_kwargs: object) -> object:
    """`within` and `highlight`: unknown to Shopify's runner too (lax Liquid
    passes the input through); registered as explicit identity filters so
    every engine does the same work."""
    return x


SHOP_FILTERS = {
    "money": money,
    "money_with_currency": money_with_currency,
    "asset_url": asset_url,
    "global_asset_url": global_asset_url,
    "shopify_asset_url": shopify_asset_url,
    "script_tag": script_tag,
    "stylesheet_tag": stylesheet_tag,
    "link_to": link_to,
    "img_tag": img_tag,
    "link_to_vendor": link_to_vendor,
    "link_to_type": link_to_type,
    "product_img_url": product_img_url,
    "default_pagination": default_pagination,
    "pluralize": pluralize,
    "link_to_tag": link_to_tag,
    "highlight_active_tag": highlight_active_tag,
    "link_to_add_tag": link_to_add_tag,
    "link_to_remove_tag": link_to_remove_tag,
    "json": json_filter,
    "within": identity,
    "highlight": identity,
}

# ---------------------------------------------------------------- tags


class PaginateNode(Node):
    """{% paginate EXPR by N %}...{% endpaginate %}: defines `paginate`."""

    __slots__ = ("collection", "page_size", "block")
    WINDOW = 3
    BASE_URL = "/collections/frontpage"

    def __init__(self, token, collection, page_size: int, block: BlockNode):  # noqa: ANN001
        super().__init__(token)
        self.collection = collection
        self.page_size = page_size
        self.block = block
        self.blank = block.blank

    def __str__(self) -> str:
        return f"{{% paginate {self.collection} by {self.page_size} %}}{self.block}{{% endpaginate %}}"

    def _link(self, title: object, page: int) -> dict:
        return {"title": title, "url": f"{self.BASE_URL}?page={page}", "is_link": True}

    def _paginate(self, context) -> dict:  # noqa: ANN001
        collection = self.collection.evaluate(context)
        try:
            items = 0 if _nil(collection) else len(collection)
        except TypeError:
            items = 0
        current = _to_i(context.resolve("current_page", default=0))
        size = self.page_size
        pages = math.ceil(items / size)
        paginate: dict = {
            "page_size": size,
            "current_page": 5,
            "current_offset": size * 5,
            "items": items,
            "pages": pages,
            "parts": [],
        }
        if current > 1:
            paginate["previous"] = self._link("&laquo; Previous", current - 1)
        if current < pages:
            paginate["next"] = self._link("Next &raquo;", current + 1)
        if pages >= 2:
            parts = paginate["parts"]
            gap = False
            for page in range(1, pages + 1):
                if page == current:
                    parts.append({"title": page, "is_link": False})
                elif page in (1, pages) or abs(page - current) < self.WINDOW:
                    parts.append(self._link(page, page))
                else:
                    if not gap:
                        parts.append({"title": "&hellip;", "is_link": False})
                    gap = True
                    continue
                gap = False
        return paginate

    def render_to_output(self, context, buffer) -> int:  # noqa: ANN001
        with context.extend({"paginate": self._paginate(context)}):
            return self.block.render(context, buffer)

    def children(self, static_context, *, include_partials=True):  # noqa: ANN001, ARG002
        yield self.block


class PaginateTag(Tag):
    name = "paginate"
    end = "endpaginate"
    block = True

    def parse(self, stream):  # noqa: ANN001
        token = stream.eat(TOKEN_TAG)
        tokens = stream.into_inner(tag=token)
        collection = parse_primitive(self.env, tokens)
        page_size = 20
        if tokens.current.kind == TOKEN_WORD and tokens.current.value == "by":
            next(tokens)
            size_token = tokens.eat(TOKEN_INTEGER)
            page_size = int(size_token.value)
        if tokens.current.kind != TOKEN_EOF and self.env.mode == Mode.STRICT:
            raise LiquidSyntaxError("paginate: expected 'EXPR by N'", token=token)
        block = get_parser(self.env).parse_block(stream, ("endpaginate", TOKEN_EOF))
        stream.expect(TOKEN_TAG, value="endpaginate")
        return PaginateNode(token, collection, page_size, block)


class FormNode(Node):
    """{% form article %}...{% endform %}: the article comment form wrapper."""

    __slots__ = ("target", "block")

    def __init__(self, token, target, block: BlockNode):  # noqa: ANN001
        super().__init__(token)
        self.target = target
        self.block = block
        self.blank = False

    def __str__(self) -> str:
        return f"{{% form {self.target} %}}{self.block}{{% endform %}}"

    def render_to_output(self, context, buffer) -> int:  # noqa: ANN001
        article = self.target.evaluate(context)
        article_id = article.get("id") if isinstance(article, dict) else None
        comment = context.resolve("comment", default=None)
        comment = comment if isinstance(comment, dict) else {}
        form = {
            "posted_successfully?": False,
            "errors": comment.get("errors"),
            "author": comment.get("author"),
            "email": comment.get("email"),
            "body": comment.get("body"),
        }
        buffer.write(
            f'<form id="article-{_s(article_id)}-comment-form" class="comment-form" '
            'method="post" action="">\n'
        )
        with context.extend({"form": form}):
            self.block.render(context, buffer)
        buffer.write("\n</form>")
        return True

    def children(self, static_context, *, include_partials=True):  # noqa: ANN001, ARG002
        yield self.block


class FormTag(Tag):
    name = "form"
    end = "endform"
    block = True

    def parse(self, stream):  # noqa: ANN001
        token = stream.eat(TOKEN_TAG)
        target = parse_primitive(self.env, stream.into_inner(tag=token))
        block = get_parser(self.env).parse_block(stream, ("endform", TOKEN_EOF))
        stream.expect(TOKEN_TAG, value="endform")
        return FormNode(token, target, block)


def make_env() -> Environment:
    env = Environment(tolerance=Mode.LAX)
    env.filters.update(SHOP_FILTERS)
    env.tags["paginate"] = PaginateTag(env)
    env.tags["form"] = FormTag(env)
    return env


# ---------------------------------------------------------------- workload


def load_pages(bench_data: Path) -> list[dict]:
    base = json.loads((bench_data / "vision.assigns.json").read_text(encoding="utf-8"))
    year = str(datetime.datetime.now(datetime.timezone.utc).year)
    pages = []
    for theme_dir in sorted(p for p in (bench_data / "tests").iterdir() if p.is_dir()):
        layout = (theme_dir / "theme.liquid").read_text(encoding="utf-8")
        for f in sorted(theme_dir.glob("*.liquid")):
            if f.name == "theme.liquid":
                continue
            name = f.stem
            expected = (bench_data / "expected" / theme_dir.name / f"{name}.html").read_text(
                encoding="utf-8"
            )
            pages.append(
                {
                    "label": f"{theme_dir.name}/{name}",
                    "source": f.read_text(encoding="utf-8"),
                    "layout": layout,
                    "assigns": {**base, "template": name, "page_title": "Page title"},
                    "expected": expected.replace("2026", year),
                }
            )
    return pages


def render_page(page_tmpl, layout_tmpl, assigns: dict) -> str:  # noqa: ANN001
    content = page_tmpl.render(assigns)
    return layout_tmpl.render({**assigns, "content_for_layout": content})


def short_diff(expected: str, actual: str) -> str:
    e = expected.splitlines()
    a = actual.splitlines()
    i = 0
    while i < len(e) and i < len(a) and e[i] == a[i]:
        i += 1
    out = [f"  first difference at line {i + 1} (expected {len(e)} lines, got {len(a)})"]
    out += [f"  - {line}" for line in e[i : i + 3]]
    out += [f"  + {line}" for line in a[i : i + 3]]
    return "\n".join(out)


def measure(seconds: float, op) -> float:  # noqa: ANN001
    op()  # warm-up
    count = 0
    start = time.perf_counter()
    elapsed = 0.0
    while count < 3 or elapsed < seconds:
        op()
        count += 1
        elapsed = time.perf_counter() - start
    return count / elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--bench-data", required=True, type=Path)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--check-only", action="store_true")
    args = ap.parse_args()

    env = make_env()
    pages = load_pages(args.bench_data)

    failed = []
    for p in pages:
        try:
            actual = render_page(
                env.from_string(p["source"]), env.from_string(p["layout"]), p["assigns"]
            )
        except Exception as err:  # noqa: BLE001
            failed.append(p["label"])
            print(f"{p['label']}: {type(err).__name__}: {err}", file=sys.stderr)
            continue
        if actual != p["expected"]:
            failed.append(p["label"])
            print(f"{p['label']}: output differs from expected", file=sys.stderr)
            print(short_diff(p["expected"], actual), file=sys.stderr)
    if failed:
        print(
            f"check FAILED for {len(failed)} of {len(pages)} pages: {' '.join(failed)}",
            file=sys.stderr,
        )
        return 1
    print(f"check ok: {len(pages)} pages", file=sys.stderr)
    if args.check_only:
        return 0

    sources = [s for p in pages for s in (p["source"], p["layout"])]
    parsed = [
        (env.from_string(p["source"]), env.from_string(p["layout"]), p["assigns"])
        for p in pages
    ]
    from_string = env.from_string

    def op_parse() -> None:
        for s in sources:
            from_string(s)

    def op_render() -> None:
        for pt, lt, a in parsed:
            render_page(pt, lt, a)

    def op_parse_render() -> None:
        for p in pages:
            render_page(from_string(p["source"]), from_string(p["layout"]), p["assigns"])

    result: dict = {
        "engine": f"python-liquid {version('python-liquid')} "
        f"(python {platform.python_version()})"
    }
    for phase, op in (("parse", op_parse), ("render", op_render), ("parse_render", op_parse_render)):
        result[phase] = round(measure(args.seconds, op), 3)
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
