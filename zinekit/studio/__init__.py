"""`zinekit studio`: a page in the browser to write a zine and see it while writing.

server.py is the Starlette app (security rules, routes), builder.py the worker thread that
builds in the background (debounced, newest edit wins), files.py the opened folder and the
only paths it hands out, static/ the page itself (HTML, CSS and JS, no CDN); the page's
words are assets/messages/<lang>/studio.toml [page], served by the server at /words.
Starlette, uvicorn and watchfiles come with `pip install 'zinekit[studio]'`.
"""
