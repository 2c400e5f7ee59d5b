"""Parses responses of any service and protocol with botocore's own parsers, for WireBotocoreCrossCheckTest.

Reads one JSON batch on stdin: {"service": "sns", "protocol": "query" | "json", "responses": [{"operation":
"ListTopics", "status": 200, "headers": {"x-amzn-requestid": "..."}, "body": "<base64>"}, ...]} and writes
the same document botocore_parse.py writes: {"botocore": "<version>", "operations": {name: skeleton or null},
"results": [{"parsed": {...}} or {"failure": "..."}]}. The service's model decides the shapes, the batch's
protocol the parser, so CloudWatch's aws-query and awsJson outputs are both read as botocore reads them.
"""
import json
import sys

from botocore_parse import parse_batch


def main():
    batch = json.load(sys.stdin)
    json.dump(parse_batch(batch["service"], batch["protocol"], batch["responses"]), sys.stdout)


if __name__ == "__main__":
    main()
