// Prints the Linux on-demand prices of ec2_pricing_tidy.parquet (one row per instance type, region and operating
// system; "linux" is Linux, shared tenancy, no pre-installed software) as TSV lines: region, type, USD per hour.
// Needs the npm packages hyparquet and hyparquet-compressors (see tools/on-demand-prices.py for a refresh).
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet'
import { compressors } from 'hyparquet-compressors'

const file = await asyncBufferFromFile(process.argv[2])
const rows = await parquetReadObjects({
    file, compressors, columns: ['instance_type', 'region_code', 'operating_system', 'ondemand_usd_per_hour'],
})
for (const row of rows) {
    if (row.operating_system === 'linux' && row.ondemand_usd_per_hour != null) {
        process.stdout.write(`${row.region_code}\t${row.instance_type}\t${row.ondemand_usd_per_hour}\n`)
    }
}
