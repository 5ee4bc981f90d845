"""moto server, plus the one protocol it lacks: Smithy RPC v2 CBOR.

The AWS SDKs now call CloudWatch (metrics) with the Smithy RPC v2 CBOR protocol
(`POST /service/<ServiceId>/operation/<Operation>`, `Content-Type: application/cbor`). moto 5.2.5 serves
CloudWatch only over its query and JSON protocols and answers such a request with 404. This adapter, a WSGI
layer in front of moto's own application, translates each CBOR request into the same operation over the
service's JSON protocol (which moto implements), and moto's JSON answer back into CBOR, shape by shape from
botocore's service model (timestamps and blobs are the only types whose encoding differs). Every other request
goes to moto untouched. It is test infrastructure: firehose-wizard itself talks to it exactly as to AWS.

Run as moto_server is run: python moto_cbor.py -H 127.0.0.1 -p 0
"""

import base64
import datetime
import io
import json
import re
import sys

import botocore.session
import cbor2
import moto.server
from moto.moto_server.werkzeug_app import DomainDispatcherApplication

PATH = re.compile(r"^/service/([^/]+)/operation/([^/]+)$")
UTC = datetime.timezone.utc
_session = botocore.session.get_session()
_models = {}


def service_model(target_prefix):
    """The botocore model of the service whose JSON target prefix (CloudWatch:
    GraniteServiceVersion20100801) is the CBOR path's service id."""
    if not _models:
        for name in ("cloudwatch",):
            m = _session.get_service_model(name)
            _models[m.metadata.get("targetPrefix")] = m
    return _models.get(target_prefix)


def convert(value, shape, to_cbor):
    """Walks `value` along `shape`: timestamps become datetimes (CBOR tag 1) or epoch seconds (JSON),
    blobs become bytes or base64 text; everything else is the same in both protocols."""
    if value is None or shape is None:
        return value
    kind = shape.type_name
    if kind == "structure":
        return {
            k: convert(v, shape.members.get(k), to_cbor) for k, v in value.items()
        }
    if kind == "list":
        return [convert(v, shape.member, to_cbor) for v in value]
    if kind == "map":
        return {k: convert(v, shape.value, to_cbor) for k, v in value.items()}
    if kind == "timestamp":
        if to_cbor:
            if isinstance(value, (int, float)):
                return datetime.datetime.fromtimestamp(value, UTC)
            if isinstance(value, str):
                return datetime.datetime.fromisoformat(value.replace("Z", "+00:00"))
            return value
        if isinstance(value, datetime.datetime):
            return value.timestamp()
        return value
    if kind == "blob":
        if to_cbor:
            return base64.b64decode(value) if isinstance(value, str) else value
        return base64.b64encode(value).decode() if isinstance(value, bytes) else value
    return value


class CborAdapter(DomainDispatcherApplication):
    def __call__(self, environ, start_response):
        match = PATH.match(environ.get("PATH_INFO", ""))
        model = match and service_model(match.group(1))
        if not model or "cbor" not in environ.get("CONTENT_TYPE", ""):
            return super().__call__(environ, start_response)
        operation = model.operation_model(match.group(2))
        length = int(environ.get("CONTENT_LENGTH") or 0)
        raw = environ["wsgi.input"].read(length) if length else b""
        params = cbor2.loads(raw) if raw else {}
        body = json.dumps(convert(params, operation.input_shape, False)).encode()
        inner = dict(environ)
        inner.update(
            {
                "PATH_INFO": "/",
                "CONTENT_TYPE": "application/x-amz-json-1.0",
                "HTTP_X_AMZ_TARGET": f"{match.group(1)}.{match.group(2)}",
                "CONTENT_LENGTH": str(len(body)),
                "wsgi.input": io.BytesIO(body),
            }
        )
        answer = {}

        def capture(status, headers, exc_info=None):
            answer["status"] = status
            answer["headers"] = headers
            return lambda data: None

        chunks = super().__call__(inner, capture)
        text = b"".join(chunks)
        if hasattr(chunks, "close"):
            chunks.close()
        status = answer.get("status", "500 INTERNAL SERVER ERROR")
        try:
            data = json.loads(text) if text.strip() else {}
        except ValueError:
            data = {"__type": "InternalFailure", "message": text.decode(errors="replace")[:500]}
        if status.startswith("2"):
            out = convert(data, operation.output_shape, True) or {}
        else:
            code = str(data.get("__type", "InternalFailure")).split("#")[-1]
            out = {"__type": code, "message": data.get("message") or data.get("Message") or ""}
        payload = cbor2.dumps(out, datetime_as_timestamp=True)
        start_response(
            status,
            [
                ("Content-Type", "application/cbor"),
                ("smithy-protocol", "rpc-v2-cbor"),
                ("Content-Length", str(len(payload))),
            ],
        )
        return [payload]


if __name__ == "__main__":
    moto.server.DomainDispatcherApplication = CborAdapter
    moto.server.main(sys.argv[1:])
