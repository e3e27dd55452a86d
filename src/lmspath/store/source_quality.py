"""Flags cited sources a skeptical reader would distrust: document mirrors and content farms."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from lmspath.store.yamlio import parse_yaml, read_text

#: Domains (and their subdomains) that copy other people's documents, or that publish unrelated
#: pages around copied text. A fact cited from one of them should cite the publisher's own page.
MIRRORS: dict[str, str] = {
    "vdocument.in": "a document-mirror site",
    "vdocuments.net": "a document-mirror site",
    "vdocuments.mx": "a document-mirror site",
    "vdocuments.site": "a document-mirror site",
    "fdocuments.us": "a document-mirror site",
    "fdocuments.in": "a document-mirror site",
    "fdocuments.net": "a document-mirror site",
    "pdfslide.us": "a document-mirror site",
    "pdfslide.net": "a document-mirror site",
    "dokumen.pub": "a document-mirror site",
    "dokumen.tips": "a document-mirror site",
    "documents.pub": "a document-mirror site",
    "idoc.pub": "a document-mirror site",
    "docplayer.net": "a document-mirror site",
    "silo.tips": "a document-mirror site",
    "studylib.net": "a document-upload site",
    "yumpu.com": "a document-upload site",
    "scribd.com": "a document-upload site",
    "slideshare.net": "a document-upload site",
    "coursehero.com": "a document-upload site",
    "studocu.com": "a document-upload site",
    "atmos360orlando.com": "a content-farm site unrelated to the cited document",
    "cloudfront.net": "a CDN copy, not the publisher's own site",
}


@dataclass(frozen=True)
class Flag:
    """One distrusted source: where it is cited, its address and why."""

    file: str
    source_id: str
    url: str
    reason: str

    def line(self) -> str:
        """'data/requirements/TX.yaml: source tac-239: <url> is a CDN copy, ...'."""
        return f"{self.file}: source {self.source_id}: {self.url} is {self.reason}"


def mirror_reason(url: str) -> str | None:
    """Why ``url`` is distrusted, or None when its domain is not on the list."""
    host = (urlsplit(url).hostname or "").lower()
    for domain, reason in MIRRORS.items():
        if host == domain or host.endswith("." + domain):
            return reason
    return None


def _sources(node: object) -> Iterator[tuple[str, str]]:
    """(id, url) of every mapping with a ``url`` key, anywhere in a parsed YAML document."""
    if isinstance(node, dict):
        url = node.get("url")
        if isinstance(url, str):
            yield str(node.get("id") or node.get("name") or "(no id)"), url
        for value in node.values():
            yield from _sources(value)
    elif isinstance(node, list):
        for value in node:
            yield from _sources(value)


def data_files(data_dir: Path) -> list[Path]:
    """Every YAML file of a data folder, in a stable order."""
    return sorted(p for p in data_dir.rglob("*.yaml") if p.is_file())


def flagged_sources(data_dir: Path) -> list[Flag]:
    """Every distinct (file, url) citing a mirror or content farm, in file order."""
    flags: list[Flag] = []
    for path in data_files(data_dir):
        seen: set[str] = set()
        document = parse_yaml(read_text(path))
        label = path.relative_to(data_dir.parent).as_posix()
        for source_id, url in _sources(document):
            reason = mirror_reason(url)
            if reason is not None and url not in seen:
                seen.add(url)
                flags.append(Flag(label, source_id, url, reason))
    return flags
