-- 'BENEFICIARY' did not fit in varchar(10)
alter table consent alter column given_by type varchar(16);
