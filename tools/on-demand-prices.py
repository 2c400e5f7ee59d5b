#!/usr/bin/env python3
"""Writes core's billing/on-demand.tsv: Linux on-demand prices per region and instance type of Gureum's catalogs.

Three public records of the AWS Price List API are read (stdlib only):
  karpenter   aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go: recent, us-east-1 only.
  vantage     ec2instances.info's instances.json (Vantage; Linux, shared tenancy, no pre-installed software) as
              jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis stored it, data/ec2_pricing_tidy.parquet: May 2026,
              every region; read as the TSV tools/parquet-linux-prices.mjs writes from it (region, type, price).
  ec2details  tedivm/ec2details api/ec2instances.json: older, many regions (prices.Linux.<region>.Shared).

us-east-1 comes from karpenter. Karpenter reads bare-metal sizes from the Dedicated-tenancy product; where that is
ec2details' Dedicated price and ec2details has a lower Shared one, the Shared price is kept (source ec2details);
for types newer than ec2details, a metal size at 1.1 times its same-size virtualized twin (the Dedicated premium,
to the price list's six decimals) costs what the twin does, as AWS prices a metal size in shared tenancy.
Another region is taken from vantage, or else from ec2details, each only for a type whose us-east-1 price in that
record equals the us-east-1 price kept here: a type AWS repriced since the record stays absent there, a visible gap.

Usage (a refresh):
    git -C KARPENTER show HEAD:pkg/providers/pricing/zz_generated.pricing_aws.go > /tmp/karpenter.go
    git -C EC2DETAILS show HEAD:api/ec2instances.json > /tmp/ec2details.json
    git -C PRICING_LANDSCAPE show HEAD:data/ec2_pricing_tidy.parquet > /tmp/tidy.parquet
    cp tools/parquet-linux-prices.mjs /tmp && (cd /tmp && npm install hyparquet hyparquet-compressors \
        && node parquet-linux-prices.mjs tidy.parquet > vantage.tsv)
    tools/on-demand-prices.py /tmp/karpenter.go "<commit> <date>" /tmp/vantage.tsv "<commit> <date>" \
        /tmp/ec2details.json "<commit> <date>" > core/src/main/resources/dev/gureum/core/billing/on-demand.tsv
"""
import json
import os
import re
import sys
from decimal import Decimal

CORE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "main", "resources", "dev",
                    "gureum", "core")
REFERENCE_REGION = "us-east-1"


def data_rows(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip() and not line.startswith("#")]


def catalog_types():
    rows = data_rows(os.path.join(CORE, "instancetype", "instance-types.tsv"))
    return {row[0] for row in rows[1:]}


def catalog_regions():
    """Region code by code, and by long name: the price list names newer regions by location only."""
    by_name = {}
    for row in data_rows(os.path.join(CORE, "region", "regions.tsv")):
        by_name[row[0]] = row[0]
        by_name[row[1]] = row[0]
    return by_name


def karpenter_prices(path):
    text = open(path, encoding="utf-8").read()
    generated = re.search(r"// generated at (\S+) for (\S+)", text)
    if generated is None or generated.group(2) != REFERENCE_REGION:
        sys.exit("karpenter file: no 'generated at ... for us-east-1' line")
    block = text[text.index('"%s": {' % REFERENCE_REGION):]
    block = block[:block.index("\n\t},")]
    prices = {name: Decimal(value) for name, value in re.findall(r'"([a-z0-9-]+\.[a-z0-9-]+)": ([0-9.]+)', block)}
    return generated.group(1), prices


def vantage_prices(path):
    """(region, type) -> price from the TSV parquet-linux-prices.mjs writes; zero prices (dedicated-host only) left out."""
    prices = {}
    for row in data_rows(path):
        if len(row) == 3 and Decimal(row[2]) > 0:
            prices[(row[0], row[1])] = Decimal(row[2])
    return prices


def metal_twin(name):
    """The same-size virtualized type of a bare-metal size (m7i.metal-24xl: m7i.24xlarge), or None."""
    match = re.fullmatch(r"([^.]+)\.metal-(\d+)xl", name)
    return "%s.%sxlarge" % (match.group(1), match.group(2)) if match else None


def price_text(value):
    return format(Decimal(str(value)).normalize(), "f")


def main(karpenter_path, karpenter_ref, vantage_path, vantage_ref, ec2details_path, ec2details_ref):
    types = catalog_types()
    regions = catalog_regions()
    generated_at, karpenter = karpenter_prices(karpenter_path)
    vantage = vantage_prices(vantage_path)
    ec2details = json.load(open(ec2details_path, encoding="utf-8"))

    rows = {}
    for name in sorted(types):
        if name not in karpenter:
            continue
        linux = ec2details.get(name, {}).get("prices", {}).get("Linux", {})
        reference = linux.get(REFERENCE_REGION, {})
        price, source = karpenter[name], "karpenter"
        shared, dedicated = reference.get("Shared"), reference.get("Dedicated")
        if (name.split(".")[1].startswith("metal") and shared is not None and dedicated is not None
                and Decimal(str(dedicated)) == price and Decimal(str(shared)) < price):
            price, source = Decimal(str(shared)), "ec2details"
        twin = metal_twin(name)
        # 1.1 times to the price list's six decimals (m8g: 4.308480 × 1.1 = 4.739328, listed 4.739330)
        if source == "karpenter" and twin in karpenter and abs(price - karpenter[twin] * Decimal("1.1")) <= Decimal(
                "0.000005"):
            price = karpenter[twin]
        rows[(REFERENCE_REGION, name)] = (price, source)
        if shared is not None and Decimal(str(shared)) == price:
            for location, tenancies in linux.items():
                region = regions.get(location.strip())
                if region is None or region == REFERENCE_REGION or "Shared" not in tenancies:
                    continue
                if Decimal(str(tenancies["Shared"])) <= 0:
                    continue
                rows[(region, name)] = (Decimal(str(tenancies["Shared"])), "ec2details")
        if vantage.get((REFERENCE_REGION, name)) == price:
            for region in set(regions.values()) - {REFERENCE_REGION}:
                if (region, name) in vantage:
                    rows[(region, name)] = (vantage[(region, name)], "vantage")

    out = sys.stdout
    out.write("# Linux on-demand list prices in USD per instance-hour (shared tenancy, no pre-installed software), per\n")
    out.write("# region and instance type of Gureum's catalogs: public facts from the AWS Price List API, as three public\n")
    out.write("# records hold them.\n")
    out.write("#   karpenter   aws/karpenter-provider-aws pkg/providers/pricing/zz_generated.pricing_aws.go,\n")
    out.write("#               commit %s,\n" % karpenter_ref)
    out.write("#               generated at %s for us-east-1.\n" % generated_at)
    out.write("#   vantage     ec2instances.info's instances.json (pricing.<region>.linux.ondemand), taken about May 2026\n")
    out.write("#               and stored by jawaadjariwala/AWS-EC2-Pricing-Landscape-Analysis\n")
    out.write("#               data/ec2_pricing_tidy.parquet, commit %s.\n" % vantage_ref)
    out.write("#   ec2details  tedivm/ec2details api/ec2instances.json (prices.Linux.<region>.Shared),\n")
    out.write("#               commit %s.\n" % ec2details_ref)
    out.write("# us-east-1 is karpenter's, for every type; a bare-metal size karpenter read from the Dedicated-tenancy\n")
    out.write("# product keeps ec2details' lower Shared price, or for a type ec2details lacks, its same-size twin's\n")
    out.write("# (m7i.metal-24xl: m7i.24xlarge's) when it is 1.1 times it, the Dedicated premium. Another\n")
    out.write("# region is vantage's, or else ec2details', each only for a type whose us-east-1 price in that record\n")
    out.write("# equals the one here (AWS did not reprice it since); what neither has is absent. A missing row is a\n")
    out.write("# visible gap, never a zero.\n")
    out.write("# Generated by tools/on-demand-prices.py; do not edit by hand.\n")
    out.write("region\tinstance-type\tusd-per-hour\tsource\n")
    for (region, name) in sorted(rows):
        price, source = rows[(region, name)]
        out.write("%s\t%s\t%s\t%s\n" % (region, name, price_text(price), source))


if __name__ == "__main__":
    if len(sys.argv) != 7:
        sys.exit(__doc__)
    main(*sys.argv[1:])
