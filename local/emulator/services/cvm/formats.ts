/** Wire formats of identifiers and addresses: `<prefix>-` + 8 lowercase letters or digits (reference §4.15). */

export const IMAGE_ID = /^img-[a-z0-9]{8}$/;
export const INSTANCE_ID = /^ins-[a-z0-9]{8}$/;
export const VPC_ID = /^vpc-[a-z0-9]{8}$/;
export const SUBNET_ID = /^subnet-[a-z0-9]{8}$/;
export const SECURITY_GROUP_ID = /^sg-[a-z0-9]{8}$/;
export const KEY_PAIR_ID = /^skey-[a-z0-9]{8}$/;
export const IPV4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;
