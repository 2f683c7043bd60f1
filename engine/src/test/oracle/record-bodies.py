#!/usr/bin/env python3
"""Records what libmodsecurity 3 (the oracle, shared/oracle) extracts from every CRS regression
test body, for the Crs*VectorsTest classes. Run from the repository root:

    engine/src/test/oracle/record-bodies.py [path/to/crs]

It starts the oracle's `rules` instance with body-rules.conf, sends each body, and writes
engine/src/test/resources/dev/vpatch/engine/bodies/{,json/,xml/,multipart/}crs-*-oracle.jsonl.
Lists of values are stored as a count and a SHA-256 (UTF-8, sorted by bytes, newline-joined), so
no CRS content lands in the repository. MULTIPART_PART_HEADERS values are stored without their
trailing CRLF (libmodsecurity 3.0.9 keeps it; upstream fixed that, and so do we).
"""
import base64, glob, hashlib, json, os, re, subprocess, sys, tempfile

import yaml  # python3-yaml

ROOT = os.getcwd()
CRS = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, '..', 'shared', 'crs'))
ORACLE = os.path.join(os.path.dirname(CRS), 'oracle')
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(ROOT, 'engine/src/test/resources/dev/vpatch/engine/bodies')
FILES = {'urlencoded': 'crs-urlencoded-oracle.jsonl', 'json': 'json/crs-json-oracle.jsonl',
         'xml': 'xml/crs-xml-oracle.jsonl', 'multipart': 'multipart/crs-multipart-oracle.jsonl'}


def kind(content_type):
    lower = content_type.lower()
    if lower.startswith('application/json'):
        return 'json'
    if re.match(r'^(?:application(?:/soap\+|/)|text/)xml', lower):
        return 'xml'
    if 'application/x-www-form-urlencoded' in lower:
        return 'urlencoded'
    if 'multipart' in lower:
        return 'multipart'
    return None


def vectors():
    for path in sorted(glob.glob(os.path.join(CRS, 'tests/regression/tests/*/*.yaml'))):
        document = yaml.safe_load(open(path))
        for test in (document or {}).get('tests') or []:
            for index, stage in enumerate(test.get('stages') or []):
                data_input = stage.get('input') or {}
                headers = {k.lower(): v for k, v in (data_input.get('headers') or {}).items()}
                content_type = str(headers.get('content-type', ''))
                data = data_input.get('data')
                if kind(content_type) and data is not None:
                    data = ''.join(data) if isinstance(data, list) else str(data)
                    yield {'id': '%s#%s#%d' % (os.path.basename(path)[:-5], test.get('test_id'), index),
                           'kind': kind(content_type), 'method': 'POST', 'uri': '/',
                           'headers': [['Content-Type', content_type]],
                           'body_b64': base64.b64encode(data.encode('utf-8')).decode()}


def digest(values):
    ordered = sorted(values, key=lambda v: v.encode('utf-8'))
    return hashlib.sha256('\n'.join(ordered).encode('utf-8')).hexdigest()


def entries(data, prefix):
    for item in data[len(prefix):].split('#@#'):
        if item:
            yield item.split('@:@', 1)


def record(kind_, response):
    logged = {m['id']: m['data'] for m in response.get('messages') or []}
    out = {'id': response['id']}
    lists = {}
    strip = {'urlencoded': 'ARGS_POST:', 'json': 'ARGS:', 'multipart': 'ARGS:'}
    if kind_ in strip:
        source = logged.get(12, 'P') if kind_ == 'urlencoded' else logged.get(11, 'A')
        lists['arguments'] = [name[len(strip[kind_]):] + '=' + value
                              for name, value in entries(source, source[0])]
    if kind_ == 'multipart':
        collections, combined = [], None
        for name, value in entries(logged.get(13, 'F'), 'F'):
            if name == 'FILES_COMBINED_SIZE':
                combined = value or None
                continue
            if name.startswith('MULTIPART_PART_HEADERS:'):
                value = value.rstrip('\r\n')
            collections.append(name + '=' + value)
        lists['collections'] = collections
        out['combinedSize'] = combined
        flags = logged.get(16, 'M ')[2:]
        out['flags'] = '' if flags.startswith('SE ') else flags
    if kind_ == 'xml':
        pairs = list(entries(logged.get(14, 'X'), 'X'))
        lists['text'] = [v for k, v in pairs if k == 'T']
        lists['attributes'] = [v for k, v in pairs if k == 'A']
    for name, values in lists.items():
        out[name] = digest(values)
        out[name + 'Count'] = str(len(values))
    error = logged.get(15, 'E0#@#')[1:].split('#@#', 1)
    out['error'] = error[1] if error[0] == '1' else None
    return out


def main():
    requests = list(vectors())
    env = dict(os.environ, ORACLE_ONLY='backend rules', ORACLE_RULES=os.path.join(HERE, 'body-rules.conf'))
    subprocess.run([os.path.join(ORACLE, 'start.sh')], env=env, check=True, stdout=subprocess.DEVNULL)
    with tempfile.NamedTemporaryFile('w', suffix='.jsonl', delete=False) as batch:
        for request in requests:
            batch.write(json.dumps(request) + '\n')
    result = subprocess.run([os.path.join(ORACLE, 'verdict.py'), '-p', '18083', '--details', batch.name],
                            check=True, capture_output=True, text=True)
    os.unlink(batch.name)
    kinds = {r['id']: r['kind'] for r in requests}
    outputs = {k: [] for k in FILES}
    for line in result.stdout.splitlines():
        response = json.loads(line)
        outputs[kinds[response['id']]].append(record(kinds[response['id']], response))
    for kind_, records in outputs.items():
        with open(os.path.join(OUT, FILES[kind_]), 'w') as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + '\n')
        print(kind_, len(records))


if __name__ == '__main__':
    main()
