"""A client in another language: Python's standard library only.

It reads the service's OpenAPI document, finds each operation by its operationId, evaluates
the example input, and walks a village plan (start, send with If-Match, allowed events,
history, a refused event). It prints what it saw as one JSON object.

    BASE_URL=http://127.0.0.1:8080 TOKEN=... python3 client.py input.json
"""
import json
import os
import sys
import urllib.error
import urllib.request

BASE = os.environ["BASE_URL"]
TOKEN = os.environ["TOKEN"]


def call(method, path, body=None, headers=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(BASE + path, data=data, method=method)
    request.add_header("Authorization", "Bearer " + TOKEN)
    request.add_header("Accept-Language", "en")
    if data is not None:
        request.add_header("Content-Type", "application/json")
    for name, value in (headers or {}).items():
        request.add_header(name, value)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), json.loads(response.read())
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), json.loads(error.read())


with urllib.request.urlopen(BASE + "/openapi.json") as response:
    document = json.loads(response.read())
operations = {
    op["operationId"]: (method.upper(), path)
    for path, methods in document["paths"].items()
    for method, op in methods.items()
}


def operation(operation_id, body=None, headers=None, query="", **params):
    method, path = operations[operation_id]
    for name, value in params.items():
        path = path.replace("{" + name + "}", value)
    return call(method, path + query, body, headers)


seen = {}
with open(sys.argv[1], encoding="utf-8") as file:
    example = json.load(file)

status, _, report = operation("evaluate", example, query="?asOf=2025-12-31", plan="changjiang-2021")
seen["evaluate"] = {"status": status, "results": len(report["results"]), "overall": report["summary"]["overall"]}

status, _, bad = operation("evaluate", {"villages": [{"id": "liuyang", "indicators": {"2023": {"tapWaterRate": 2}}}]}, plan="changjiang-2021")
seen["invalid"] = {"status": status, "code": bad["code"], "keys": sorted({issue.get("key", "") for issue in bad["issues"]})}

status, headers, started = operation(
    "startWorkflow", {"subject": {"village": "jianglian"}, "event": {"type": "START"}}, plan="changjiang-2021", type="village-plan"
)
instance = started["instanceId"]
etag = headers.get("ETag") or headers.get("etag")
status_sent, _, sent = operation(
    "sendEvent", {"type": "SUBMIT_DRAFT", "payload": {"draft": "draft from Python"}}, headers={"If-Match": etag}, id=instance
)
status_stale, _, stale = operation(
    "sendEvent", {"type": "CLOSE_CONSULTATION"}, headers={"If-Match": etag}, id=instance
)
_, _, allowed = operation("getAllowedEvents", id=instance)
status_refused, _, refused = operation("sendEvent", {"type": "CLOSE_CONSULTATION"}, id=instance)
_, _, history = operation("getHistory", id=instance)
seen["workflow"] = {
    "started": [status, started["to"], etag],
    "sent": [status_sent, sent["to"], sent["version"]],
    "stale": [status_stale, stale["code"]],
    "allowed": allowed["events"],
    "refused": [status_refused, refused["code"], refused.get("allowedNow")],
    "history": [entry["event"] + ":" + entry["outcome"] for entry in history["entries"]],
}
print(json.dumps(seen))
