"""Google Cloud over plain HTTPS, with the Python standard library only.

Both images carry this package: the training image for the components, the serving image for
the prediction server. Neither has google-cloud-* libraries, so ``google_api`` speaks to
Google's REST APIs itself (tokens, retries, one-line errors) and ``storage`` reads Cloud
Storage through its JSON API. The package imports nothing from ``components`` or
``serving``; those set how it reports progress with ``google_api.configure``.
"""
