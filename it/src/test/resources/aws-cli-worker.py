# Runs the aws CLI's own entry point, once per request, in one long-lived Python process (AwsCliWorkers.java):
# the CLI's code parses, signs, sends and prints exactly as in `aws ...`, without paying Python's start-up and
# the CLI's imports (about a second of CPU) for every call. One JSON request per line on stdin: the CLI's
# arguments and the AWS_* variables of the call; one JSON answer per line: exit code, stdout, stderr.
import io
import json
import os
import sys
import traceback

sys.path[:] = [entry for entry in sys.path if entry not in ('', '.')]  # python -c put the working directory first
if os.environ.get('LC_CTYPE', '') == 'UTF-8':  # as the aws script does
    os.environ['LC_CTYPE'] = 'en_US.UTF-8'
import awscli.clidriver as clidriver

answers = os.fdopen(os.dup(1), 'w', encoding='utf-8')
os.dup2(2, 1)  # what anything writes straight to fd 1 goes to the worker's log, never into an answer
environment = dict(os.environ)  # as the CLI's import left it (it sets AWS_DATA_PATH)


def run(arguments):
    if hasattr(clidriver, 'AWSCLIEntryPoint'):  # CLI 2.x: what its main() does with sys.argv[1:]
        return clidriver.AWSCLIEntryPoint().main(arguments)
    return clidriver.create_clidriver().main(arguments)  # CLI 1.x


for line in sys.stdin:
    request = json.loads(line)
    os.environ.clear()
    os.environ.update(environment)
    os.environ.update(request['environment'])
    out, err = io.BytesIO(), io.BytesIO()
    saved = sys.stdin, sys.stdout, sys.stderr, sys.argv
    sys.stdin = io.TextIOWrapper(io.BytesIO(), encoding='utf-8')
    sys.stdout = io.TextIOWrapper(out, encoding='utf-8', write_through=True)
    sys.stderr = io.TextIOWrapper(err, encoding='utf-8', write_through=True)
    sys.argv = ['aws'] + request['arguments']
    try:
        code = run(request['arguments'])
    except SystemExit as e:  # as the interpreter ends on sys.exit(code)
        if isinstance(e.code, str):
            sys.stderr.write(e.code + '\n')
        code = 0 if e.code is None else e.code if isinstance(e.code, int) else 1
    except Exception:  # as the interpreter ends on an uncaught exception
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        answer = {'exitCode': code if isinstance(code, int) else 0, 'stdout': out.getvalue().decode('utf-8', 'replace'),
                  'stderr': err.getvalue().decode('utf-8', 'replace')}
        sys.stdin, sys.stdout, sys.stderr, sys.argv = saved
    answers.write(json.dumps(answer) + '\n')
    answers.flush()
