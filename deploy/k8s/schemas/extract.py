#!/usr/bin/env python3
"""Maintainer tool (not run by the build): rebuilds the JSON Schemas under deploy/k8s/schemas/ from their sources.

    deploy/k8s/schemas/extract.py SOURCE_DIR

SOURCE_DIR holds the upstream files named in SOURCES below (checked out at the commits README.md names). Each kind the
manifests use gets one self-contained, strict schema: every object without declared free-form content refuses unknown
fields (additionalProperties: false), as the API server does with field validation "Strict" (kubectl's default since
1.27) and as kubeconform -strict does. Only the kinds in KINDS are written: a kind the manifests start to use needs a
line here and a run of this script, or the validation test fails ("no schema").
"""
import json
import os
import sys

import yaml

CORE = 'kubernetes-client/python/kubernetes/swagger.json.unprocessed'
# (apiVersion, kind) -> swagger definition
CORE_KINDS = {
    ('v1', 'Namespace'): 'io.k8s.api.core.v1.Namespace',
    ('v1', 'ConfigMap'): 'io.k8s.api.core.v1.ConfigMap',
    ('v1', 'Secret'): 'io.k8s.api.core.v1.Secret',
    ('v1', 'Service'): 'io.k8s.api.core.v1.Service',
    ('apps/v1', 'Deployment'): 'io.k8s.api.apps.v1.Deployment',
    ('apps/v1', 'StatefulSet'): 'io.k8s.api.apps.v1.StatefulSet',
    ('policy/v1', 'PodDisruptionBudget'): 'io.k8s.api.policy.v1.PodDisruptionBudget',
    ('autoscaling/v2', 'HorizontalPodAutoscaler'): 'io.k8s.api.autoscaling.v2.HorizontalPodAutoscaler',
}
# (apiVersion, kind) -> CRD file; the version's openAPIV3Schema is taken
CRD_KINDS = {
    ('kafka.strimzi.io/v1', 'Kafka'): 'strimzi/040-Crd-kafka.yaml',
    ('kafka.strimzi.io/v1', 'KafkaNodePool'): 'strimzi/045-Crd-kafkanodepool.yaml',
    ('kafka.strimzi.io/v1', 'KafkaTopic'): 'strimzi/043-Crd-kafkatopic.yaml',
    ('postgresql.cnpg.io/v1', 'Cluster'): 'cnpg/postgresql.cnpg.io_clusters.yaml',
    ('k8s.keycloak.org/v2alpha1', 'Keycloak'): 'keycloak/keycloaks.k8s.keycloak.org-v1.yml',
    ('k8s.keycloak.org/v2alpha1', 'KeycloakRealmImport'): 'keycloak/keycloakrealmimports.k8s.keycloak.org-v1.yml',
}

# Kubernetes' string-typed formats that YAML writes as numbers too.
INT_OR_STRING = {'anyOf': [{'type': 'integer'}, {'type': 'string'}]}
QUANTITY = {'anyOf': [{'type': 'number'}, {'type': 'string'}]}


def strict(node):
    """Adds additionalProperties: false to every object schema that declares its properties and nothing free-form."""
    if isinstance(node, dict):
        for value in list(node.values()):
            strict(value)
        free = node.get('x-kubernetes-preserve-unknown-fields') or 'additionalProperties' in node
        if 'properties' in node and not free:
            node['additionalProperties'] = False
        if node.get('x-kubernetes-int-or-string') and 'anyOf' not in node:
            node.pop('type', None)
            node['anyOf'] = INT_OR_STRING['anyOf']
    elif isinstance(node, list):
        for value in node:
            strict(value)
    return node


def core_schema(definitions, root):
    needed, todo = {}, [root]
    while todo:
        name = todo.pop()
        if name in needed:
            continue
        if name == 'io.k8s.apimachinery.pkg.util.intstr.IntOrString':
            needed[name] = dict(INT_OR_STRING)
            continue
        if name == 'io.k8s.apimachinery.pkg.api.resource.Quantity':
            needed[name] = dict(QUANTITY)
            continue
        body = json.loads(json.dumps(definitions[name]))
        needed[name] = body
        text = json.dumps(body)
        for part in text.split('"#/definitions/')[1:]:
            todo.append(part.split('"')[0])
    schema = {'$schema': 'http://json-schema.org/draft-04/schema#', '$ref': '#/definitions/' + root,
              'definitions': {k: strict(v) for k, v in sorted(needed.items())}}
    return schema


def crd_schema(path, api_version):
    version = api_version.split('/')[1]
    with open(path) as f:
        crd = yaml.safe_load(f)
    for v in crd['spec']['versions']:
        if v['name'] == version:
            schema = strict(v['schema']['openAPIV3Schema'])
            schema['$schema'] = 'http://json-schema.org/draft-04/schema#'
            # The API server accepts these on every object, even where a CRD's schema leaves them out (Keycloak's).
            schema['properties'].setdefault('apiVersion', {'type': 'string'})
            schema['properties'].setdefault('kind', {'type': 'string'})
            schema['properties'].setdefault('metadata', {'type': 'object'})
            return schema
    raise SystemExit(f'{path} has no version {version}')


def file_name(api_version, kind):
    group = api_version.replace('/', '-')
    return f'{kind.lower()}-{group}.json'


def main(source):
    out = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(source, CORE)) as f:
        definitions = json.load(f)['definitions']
    schemas = {k: core_schema(definitions, v) for k, v in CORE_KINDS.items()}
    schemas.update({k: crd_schema(os.path.join(source, v), k[0]) for k, v in CRD_KINDS.items()})
    for (api_version, kind), schema in schemas.items():
        # The file is chosen by apiVersion and kind; the schema holds them too, so a misfiled one cannot pass.
        body = schema if 'properties' in schema else schema['definitions'][schema['$ref'].split('/')[-1]]
        body['properties']['apiVersion'] = {'enum': [api_version]}
        body['properties']['kind'] = {'enum': [kind]}
        body['required'] = sorted(set(body.get('required', [])) | {'apiVersion', 'kind', 'metadata'})
        with open(os.path.join(out, file_name(api_version, kind)), 'w') as f:
            json.dump(schema, f, indent=1, sort_keys=True)
            f.write('\n')
        print(api_version, kind, '->', file_name(api_version, kind))


if __name__ == '__main__':
    main(sys.argv[1])
