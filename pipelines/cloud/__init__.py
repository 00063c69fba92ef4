"""Google Cloud over plain HTTPS, with the Python standard library only.

Both images carry this package: the training image for the components, the serving image for
the prediction server. Neither has google-cloud-* libraries, so ``google_api`` speaks to
Google's REST APIs itself (tokens, retries, one-line errors) and ``storage`` reads Cloud
Storage through its JSON API. The package imports nothing from ``components`` or
``serving``; those set how it reports progress with ``google_api.configure``.

Being the one package in both images, it also holds ``rows``: the rule that turns a raw cell
into what the model sees (stripped text, NaN for a missing value), which training, batch
prediction and serving must share so a row gets the same prediction in all three.
"""
