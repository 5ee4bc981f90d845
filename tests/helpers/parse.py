"""Reads an exported file for the tests, as JSON on standard output.

  parse.py yaml FILE   a CloudFormation template; !Ref, !GetAtt and !Sub become their long forms
                       ({"Ref": ...}, {"Fn::GetAtt": [...]}, {"Fn::Sub": ...})
  parse.py hcl FILE    Terraform configuration, as python-hcl2 reads it
"""
import json
import sys

kind, path = sys.argv[1], sys.argv[2]
if kind == "yaml":
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_constructor("!Ref", lambda l, n: {"Ref": l.construct_scalar(n)})
    Loader.add_constructor("!GetAtt", lambda l, n: {"Fn::GetAtt": l.construct_scalar(n).split(".", 1)})
    Loader.add_constructor("!Sub", lambda l, n: {"Fn::Sub": l.construct_scalar(n)})
    with open(path, encoding="utf-8") as f:
        doc = yaml.load(f, Loader=Loader)
elif kind == "hcl":
    import hcl2

    with open(path, encoding="utf-8") as f:
        doc = hcl2.load(f)
else:
    sys.exit(f"unknown kind {kind}")
json.dump(doc, sys.stdout, indent=1)
