-- who withdrew a report (the token's user), as received_by says who sent it
alter table activity add column retracted_by varchar(200);
