"""Electronic signatures (tanda tangan elektronik, TTE) of issued documents, with pyHanko.

- `keys`: sealing at rest (Fernet, server key), reading a signer's PKCS#12, the
  certificate's facts, the name check and the trusted roots.
- `demo_ca`: the local demo CA and demo certificates of `make run` ("DEMO — tidak sah").
- `pdf`: PAdES signing of PDF bytes (B-B, or B-T with a timestamp authority), with a
  visible box: name, position, date and the verification QR code.
- `validation`: what the signatures of a PDF say (who, when, changed since, trusted).
- `services`: upload a credential, check a signer at the act, the signing step of a job.

Decision 0009 records why it is built this way.
"""
