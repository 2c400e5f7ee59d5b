package dev.gureum.server.ec2;

import dev.gureum.core.region.RegionService;
import dev.gureum.protocol.ec2.Ec2Protocol;
import dev.gureum.protocol.model.RequiredMembers;
import dev.gureum.server.dispatch.OperationTable;
import dev.gureum.server.dispatch.ServiceEndpoint;

/** The EC2 endpoint: its protocol and every handler Gureum implements so far, area by area. */
public final class Ec2Api {
    private Ec2Api() {
    }

    public static ServiceEndpoint create(RegionService regions) {
        OperationTable table = new OperationTable();
        new RegionHandlers(regions).registerInto(table);
        new AccountHandlers().registerInto(table);
        return new ServiceEndpoint("ec2", new Ec2Protocol(), RequiredMembers.forService("ec2"), table);
    }
}
