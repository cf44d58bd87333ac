-- Month numbers and day-bit arrays for machine_usage (see src/schema/usage.ts): a month's number is
-- year × 12 + month − 1, and element n of a machine's `days` holds the day bits of month n.
CREATE FUNCTION month_number(t timestamp) RETURNS integer LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT (extract(year FROM t)::int * 12 + extract(month FROM t)::int - 1) $$;
--> statement-breakpoint
-- Adds one month's bits to an array (a null array starts at that month).
CREATE FUNCTION day_bits_add(bits integer[], month integer, add integer) RETURNS integer[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$ BEGIN bits[month] := coalesce(bits[month], 0) | add; RETURN bits; END $$;
--> statement-breakpoint
CREATE AGGREGATE day_bits_agg(integer, integer) (SFUNC = day_bits_add, STYPE = integer[]);
--> statement-breakpoint
-- ORs every month of `more` into `bits`, widening it as needed.
CREATE FUNCTION day_bits_merge(bits integer[], more integer[]) RETURNS integer[]
  LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE
  AS $$
    DECLARE m integer;
    BEGIN
      IF more IS NULL THEN RETURN bits; END IF;
      FOR m IN array_lower(more, 1) .. array_upper(more, 1) LOOP
        IF more[m] IS NOT NULL THEN bits[m] := coalesce(bits[m], 0) | more[m]; END IF;
      END LOOP;
      RETURN bits;
    END
  $$;
