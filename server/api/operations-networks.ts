import { z } from "zod";
import { emailSchema } from "../schemas/accounts";
import {
  acceptTokenSchema,
  addBrokerSchema,
  applySchema,
  consentSchema,
  decideApplicationSchema,
  networkIdSchema,
  networkInputSchema,
} from "../schemas/network";
import { withParams, type Operation } from "./operation";
import { idResponse } from "./responses-common";
import {
  applicationDecisionResponse,
  applicationResponse,
  createdNetworkResponse,
  declinedInvitationResponse,
  invitationResponse,
  joinedNetworkResponse,
  leftNetworkResponse,
  networkBrokerResponse,
  networkListResponse,
  networkResponse,
} from "./responses-networks";

/** The body of an invitation, without the network of the path (inviteSchema has it). */
const inviteBodySchema = z.union([
  z.object({ firmId: z.uuid("Choose a firm") }),
  z.object({ email: emailSchema }),
]);

const networkPath = networkIdSchema;
const applicationPath = decideApplicationSchema.pick({ networkId: true, firmId: true });
const tokenPath = acceptTokenSchema.pick({ token: true });

/** Networks and memberships: invitations, applications, leaving, co-brokers. */
export const networkOperations: Operation[] = [
  {
    operationId: "listNetworks",
    method: "get",
    path: "/networks",
    summary: "Your networks: a broker's own; an SME's memberships, invitations and applications, and the others it may apply to",
    tag: "networks",
    response: networkListResponse,
    run: ({ services, actor }) => services.networks.list(actor),
  },
  {
    operationId: "createNetwork",
    method: "post",
    path: "/networks",
    summary: "Create a network and become its first broker (brokers only)",
    tag: "networks",
    body: networkInputSchema,
    response: createdNetworkResponse,
    status: 201,
    run: ({ services, actor, body }) => services.networks.create(actor, body),
  },
  {
    operationId: "getNetwork",
    method: "get",
    path: "/networks/{networkId}",
    summary: "A network: details, members, initiatives and recent activity; brokers also see invitations and applications",
    tag: "networks",
    params: networkPath,
    response: networkResponse,
    run: ({ services, actor, params }) => services.networks.get(actor, params),
  },
  {
    operationId: "updateNetwork",
    method: "put",
    path: "/networks/{networkId}",
    summary: "Replace a network's details and dependence thresholds (its brokers, or an admin)",
    tag: "networks",
    params: networkPath,
    body: networkInputSchema,
    response: idResponse,
    run: ({ services, actor, params, body }) => services.networks.update(actor, withParams(body, params)),
  },
  {
    operationId: "inviteToNetwork",
    method: "post",
    path: "/networks/{networkId}/invitations",
    summary: "Invite an SME on Jointly by firmId, or anyone by email (the answer holds the link to pass on)",
    tag: "networks",
    params: networkPath,
    body: inviteBodySchema,
    conflict: "The firm is already a member, invited, or has applied",
    response: invitationResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.networks.invite(actor, withParams(body, params)),
  },
  {
    operationId: "acceptInvitation",
    method: "post",
    path: "/networks/{networkId}/invitation/accept",
    summary: "Accept your firm's invitation, consenting that the network's brokers see its confidential data",
    tag: "networks",
    params: networkPath,
    body: z.object({ consent: consentSchema }),
    response: joinedNetworkResponse,
    run: ({ services, actor, params, body }) =>
      services.networks.respondToInvitation(actor, { ...withParams(body, params), decision: "accept" }),
  },
  {
    operationId: "declineInvitation",
    method: "post",
    path: "/networks/{networkId}/invitation/decline",
    summary: "Decline your firm's invitation to a network",
    tag: "networks",
    params: networkPath,
    response: declinedInvitationResponse,
    run: ({ services, actor, params }) =>
      services.networks.respondToInvitation(actor, { networkId: params.networkId, decision: "decline" }),
  },
  {
    operationId: "applyToNetwork",
    method: "post",
    path: "/networks/{networkId}/applications",
    summary: "Apply for your firm to join a network, consenting in advance (an invited firm joins at once)",
    tag: "networks",
    params: networkPath,
    body: applySchema.omit({ networkId: true }),
    conflict: "Your firm is already a member or has applied",
    response: applicationResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.networks.apply(actor, withParams(body, params)),
  },
  {
    operationId: "decideApplication",
    method: "post",
    path: "/networks/{networkId}/applications/{firmId}/decision",
    summary: "Approve or decline a firm's application (the network's brokers)",
    tag: "networks",
    params: applicationPath,
    body: decideApplicationSchema.omit({ networkId: true, firmId: true }),
    response: applicationDecisionResponse,
    run: ({ services, actor, params, body }) => services.networks.decideApplication(actor, withParams(body, params)),
  },
  {
    operationId: "leaveNetwork",
    method: "post",
    path: "/networks/{networkId}/leave",
    summary: "Your firm leaves a network, and its open initiatives there (commitments withdrawn)",
    tag: "networks",
    params: networkPath,
    response: leftNetworkResponse,
    run: ({ services, actor, params }) => services.networks.leave(actor, params),
  },
  {
    operationId: "addNetworkBroker",
    method: "post",
    path: "/networks/{networkId}/brokers",
    summary: "Add an existing broker account as a co-broker of a network (administrators only)",
    tag: "networks",
    params: networkPath,
    body: addBrokerSchema.omit({ networkId: true }),
    conflict: "The account is already a broker of this network",
    response: networkBrokerResponse,
    status: 201,
    run: ({ services, actor, params, body }) => services.networks.addBroker(actor, withParams(body, params)),
  },
  {
    operationId: "acceptInvitationLink",
    method: "post",
    path: "/invitations/{token}/accept",
    summary: "Accept an invitation by email through its link, with consent (SMEs with a firm)",
    tag: "networks",
    params: tokenPath,
    body: acceptTokenSchema.omit({ token: true }),
    response: joinedNetworkResponse,
    run: ({ services, actor, params, body }) => services.networks.acceptInvitationLink(actor, withParams(body, params)),
  },
];
