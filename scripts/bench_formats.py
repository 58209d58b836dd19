#!/usr/bin/env python3
"""Writes a plain-text corpus (a folder of .txt articles, such as the one
make_bench_corpus.py makes) again in the other input formats of `entente
build`, for docs/PERFORMANCE.md ("Input formats"):

    python3 scripts/bench_formats.py /tmp/entente-bench-10mb /tmp/entente-bench-10mb-formats

- corpus.jsonl: one line per article, {"url", "title", "text"} as a scraper
  writes them (the title is the article's first line, the text the rest:
  `entente build` reads them back as the same text);
- pages/NNNNNN.html: each article as a news page: a menu, the headline and
  paragraphs in an <article>, a "À lire aussi" list, a sidebar, comments and
  a footer around it, Open Graph and JSON-LD metadata;
- corpus.warc.gz: those pages as a crawl, a request and a response record per
  page, each record its own gzip member (as Common Crawl writes them).

Only the standard library; the same input always gives the same bytes.
"""
import gzip
import html
import io
import json
import pathlib
import sys

DATE = "2025-03-12"


def articles(folder):
    for path in sorted(pathlib.Path(folder).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        title, _, body = text.partition("\n")
        yield path.stem, title.strip(), body.strip("\n")


def url_of(stem):
    return f"https://bench-news.example/articles/{stem}"


def page(stem, title, body):
    paragraphs = [p.strip() for p in body.split("\n\n") if p.strip()]
    ld = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title,
          "datePublished": DATE + "T08:00:00+01:00", "url": url_of(stem), "inLanguage": "fr",
          "publisher": {"@type": "Organization", "name": "Bench News"}}
    t = html.escape(title)
    out = io.StringIO()
    out.write("<!DOCTYPE html>\n<html lang=\"fr\">\n<head>\n<meta charset=\"utf-8\">\n")
    out.write(f"<title>{t} - Bench News</title>\n")
    out.write(f"<meta property=\"og:title\" content=\"{t}\">\n")
    out.write(f"<meta property=\"og:url\" content=\"{url_of(stem)}\">\n")
    out.write("<meta property=\"og:site_name\" content=\"Bench News\">\n")
    out.write(f"<script type=\"application/ld+json\">{json.dumps(ld, ensure_ascii=False)}</script>\n")
    out.write("</head>\n<body>\n")
    out.write("<div class=\"cookie-banner\">Ce site utilise des cookies. <button>Accepter</button></div>\n")
    out.write("<nav><ul><li><a href=\"/\">Accueil</a></li><li><a href=\"/monde\">Monde</a></li>"
              "<li><a href=\"/afrique\">Afrique</a></li></ul></nav>\n")
    out.write("<main>\n<article>\n<header>\n")
    out.write(f"<h1>{t}</h1>\n<p class=\"byline\">Par la rédaction, <time datetime=\"{DATE}\">{DATE}</time></p>\n")
    out.write("</header>\n<div class=\"article-body\">\n")
    for p in paragraphs:
        out.write(f"<p>{html.escape(p)}</p>\n")
    out.write("</div>\n<div class=\"related\"><p>À lire aussi :</p><ul>"
              "<li><a href=\"/a\">Un autre article</a></li><li><a href=\"/b\">Encore un</a></li></ul></div>\n")
    out.write("</article>\n</main>\n")
    out.write("<aside class=\"sidebar\"><h2>Les plus lus</h2><ul><li><a href=\"/c\">Une brève</a></li></ul></aside>\n")
    out.write("<section id=\"comments\"><h2>Commentaires</h2><p>Aucun commentaire.</p></section>\n")
    out.write("<footer><p>© Bench News</p></footer>\n</body>\n</html>\n")
    return out.getvalue().encode("utf-8")


def warc_record(headers, block):
    head = "WARC/1.0\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers)
    head += f"Content-Length: {len(block)}\r\n\r\n"
    return head.encode("utf-8") + block + b"\r\n\r\n"


def gz(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as g:
        g.write(data)
    return buf.getvalue()


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, out = sys.argv[1], pathlib.Path(sys.argv[2])
    (out / "pages").mkdir(parents=True, exist_ok=True)
    n = 0
    with open(out / "corpus.jsonl", "w", encoding="utf-8") as jl, open(out / "corpus.warc.gz", "wb") as warc:
        for i, (stem, title, body) in enumerate(articles(src)):
            n += 1
            jl.write(json.dumps({"url": url_of(stem), "title": title, "text": body}, ensure_ascii=False) + "\n")
            p = page(stem, title, body)
            (out / "pages" / f"{stem}.html").write_bytes(p)
            date = f"{DATE}T08:00:00Z"
            request = f"GET /articles/{stem} HTTP/1.1\r\nHost: bench-news.example\r\n\r\n".encode()
            response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                        + f"Content-Length: {len(p)}\r\n\r\n".encode() + p)
            common = [("WARC-Target-URI", url_of(stem)), ("WARC-Date", date)]
            warc.write(gz(warc_record([("WARC-Type", "request"), *common,
                                       ("WARC-Record-ID", f"<urn:uuid:00000000-0000-0000-0000-{2 * i:012d}>"),
                                       ("Content-Type", "application/http; msgtype=request")], request)))
            warc.write(gz(warc_record([("WARC-Type", "response"), *common,
                                       ("WARC-Record-ID", f"<urn:uuid:00000000-0000-0000-0000-{2 * i + 1:012d}>"),
                                       ("Content-Type", "application/http; msgtype=response")], response)))
    print(f"{n} articles in {out}: corpus.jsonl, pages/*.html, corpus.warc.gz")


if __name__ == "__main__":
    main()
