"""Parses EC2 XML responses with botocore's own EC2QueryParser, for BotocoreCrossCheckTest.

Reads one JSON batch on stdin: {"responses": [{"operation": "DescribeRegions", "status": 200,
"body": "<base64 XML>"}, ...]} and writes one JSON document on stdout:
{"botocore": "<version>", "operations": {"<name>": <output skeleton or null if unknown>},
 "results": [{"parsed": {...}} or {"failure": "<exception>"}, ...]}
Values are made JSON-plain: timestamps become epoch milliseconds, blobs base64 text. A skeleton
lists the members botocore's model knows with their XML element names
({"members": {"<member>": {"wire": "<element>", "shape": ...}}}, {"member": ...}, {"value": ...} or the
scalar type name), so the Java side can match members by element name (the SDK renames some, such as
Return -> ReturnValue) and leave out members newer than this botocore.
"""
import base64
import calendar
import datetime
import json
import sys

import botocore
import botocore.parsers
import botocore.session

SKELETON_DEPTH = 24


def skeleton(shape, depth=0):
    if shape is None:
        return None
    if depth > SKELETON_DEPTH:
        return "any"
    if shape.type_name == "structure":
        return {"members": {name: {"wire": member.serialization.get("name", name), "shape": skeleton(member, depth + 1)}
                            for name, member in shape.members.items()}}
    if shape.type_name == "list":
        return {"member": skeleton(shape.member, depth + 1)}
    if shape.type_name == "map":
        return {"value": skeleton(shape.value, depth + 1)}
    return shape.type_name


def plain(value):
    if isinstance(value, dict):
        return {key: plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, datetime.datetime):
        return calendar.timegm(value.utctimetuple()) * 1000 + value.microsecond // 1000
    if isinstance(value, (bytes, bytearray)):
        return base64.b64encode(value).decode("ascii")
    return value


def parse_batch(service, protocol, responses):
    """Parses each response with the service's model and botocore's parser for the protocol."""
    model = botocore.session.get_session().get_service_model(service)
    known = set(model.operation_names)
    parser = botocore.parsers.ResponseParserFactory().create_parser(protocol)
    operations = {}
    results = []
    for response in responses:
        name = response["operation"]
        if name not in known:
            operations[name] = None
            results.append({"failure": "UnknownOperation"})
            continue
        output = model.operation_model(name).output_shape
        operations[name] = skeleton(output) if output is not None else {"members": {}}
        try:
            parsed = parser.parse({"status_code": response["status"], "headers": response.get("headers", {}),
                                   "body": base64.b64decode(response["body"]),
                                   "context": {"operation_name": name}}, output)
            results.append({"parsed": plain(parsed)})
        except Exception as error:  # the failure itself is the finding; report it, do not stop
            results.append({"failure": "%s: %s" % (type(error).__name__, error)})
    return {"botocore": botocore.__version__, "operations": operations, "results": results}


def main():
    json.dump(parse_batch("ec2", "ec2", json.load(sys.stdin)["responses"]), sys.stdout)


if __name__ == "__main__":
    main()
