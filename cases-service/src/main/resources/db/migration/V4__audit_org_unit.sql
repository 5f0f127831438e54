-- The unit whose data an audited request read or changed, so a director reads the trail of their own
-- unit (and the units below it) only. Requests that named no record (a list) carry the unit they asked
-- for, or the caller's own; requests refused before any record was read may have none.
alter table audit_entry add column org_unit varchar(10);

-- entries written before this column: the unit of the record they name, where there is one
update audit_entry a set org_unit = r.org_unit from beneficiary r
 where a.resource_type = 'BENEFICIARY' and a.resource_id = r.id::text;
update audit_entry a set org_unit = r.org_unit from support_case r
 where a.resource_type = 'CASE' and a.resource_id = r.id::text;
update audit_entry a set org_unit = r.org_unit from referral r
 where a.resource_type = 'REFERRAL' and a.resource_id = r.id::text;
update audit_entry a set org_unit = r.org_unit from follow_up_request r
 where a.resource_type = 'FOLLOW_UP_REQUEST' and a.resource_id = r.id::text;
update audit_entry a set org_unit = r.org_unit from approval r
 where a.resource_type = 'APPROVAL' and a.resource_id = r.id::text;

create index audit_org_unit on audit_entry (org_unit, id);
