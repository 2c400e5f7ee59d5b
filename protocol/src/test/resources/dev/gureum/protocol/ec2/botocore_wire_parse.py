"""Parses responses of any service and protocol with botocore's own parsers, for WireBotocoreCrossCheckTest.

Reads one JSON batch on stdin: {"service": "sns", "protocol": "query" | "json", "responses": [{"operation":
"ListTopics", "status": 200, "headers": {"x-amzn-requestid": "..."}, "body": "<base64>"}, ...]} and writes
the same document botocore_parse.py writes: {"botocore": "<version>", "operations": {name: skeleton or null},
"results": [{"parsed": {...}} or {"failure": "..."}]}. The service's model decides the shapes, the batch's
protocol the parser, so CloudWatch's aws-query and awsJson outputs are both read as botocore reads them.
"""
import base64
import json
import sys

import botocore
import botocore.parsers
import botocore.session

from botocore_parse import plain, skeleton


def main():
    batch = json.load(sys.stdin)
    model = botocore.session.get_session().get_service_model(batch["service"])
    known = set(model.operation_names)
    parser = botocore.parsers.ResponseParserFactory().create_parser(batch["protocol"])
    operations = {}
    results = []
    for response in batch["responses"]:
        name = response["operation"]
        if name not in known:
            operations[name] = None
            results.append({"failure": "UnknownOperation"})
            continue
        output = model.operation_model(name).output_shape
        operations[name] = skeleton(output) if output is not None else {"members": {}}
        try:
            parsed = parser.parse({"status_code": response["status"], "headers": response["headers"],
                                   "body": base64.b64decode(response["body"]),
                                   "context": {"operation_name": name}}, output)
            results.append({"parsed": plain(parsed)})
        except Exception as error:  # the failure itself is the finding; report it, do not stop
            results.append({"failure": "%s: %s" % (type(error).__name__, error)})
    json.dump({"botocore": botocore.__version__, "operations": operations, "results": results}, sys.stdout)


if __name__ == "__main__":
    main()
