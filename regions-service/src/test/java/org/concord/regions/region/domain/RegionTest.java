package org.concord.regions.region.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The rules of a region, without Spring or a database. */
class RegionTest {

    static RegionDetails guangxi() {
        return new RegionDetails("Guangxi Zhuang Autonomous Region", "广西壮族自治区", RegionType.AUTONOMOUS_REGION,
                "Nanning", "Department of Commerce of Guangxi Zhuang Autonomous Region", null);
    }

    @Nested
    class Code {

        @ParameterizedTest
        @ValueSource(strings = {"CN-GX", "CN-XZ", "VN", "TL", "CN-A1", "GB-ABC"})
        void an_iso_3166_2_or_alpha_2_code_is_accepted(String code) {
            assertThat(RegionCode.of(code).value()).isEqualTo(code);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "cn-gx", "CHN", "CN-", "CN-ABCD", "CN_GX", "C", "CN-G X", "VN-"})
        void anything_else_is_refused_as_unprocessable(String code) {
            assertThatThrownBy(() -> RegionCode.of(code))
                    .isInstanceOf(InvalidRegion.class)
                    .hasMessageContaining("ISO 3166");
        }

        @Test
        void a_missing_code_is_refused() {
            assertThatThrownBy(() -> RegionCode.of(null)).isInstanceOf(InvalidRegion.class);
        }

        @Test
        void the_country_is_the_first_two_letters() {
            assertThat(RegionCode.of("CN-GX").country()).isEqualTo("CN");
            assertThat(RegionCode.of("VN").country()).isEqualTo("VN");
            assertThat(RegionCode.of("VN").isCountry()).isTrue();
            assertThat(RegionCode.of("CN-GX").isCountry()).isFalse();
        }
    }

    @Nested
    class Registration {

        @Test
        void a_registered_region_is_active_at_version_1_in_the_country_of_its_code() {
            Region region = Region.register(RegionCode.of("CN-GX"), guangxi());

            assertThat(region.active()).isTrue();
            assertThat(region.version()).isEqualTo(1);
            assertThat(region.country()).isEqualTo("CN");
        }

        @Test
        void a_country_code_must_have_type_country() {
            assertThatThrownBy(() -> Region.register(RegionCode.of("VN"), guangxi()))
                    .isInstanceOf(InvalidRegion.class)
                    .hasMessageContaining("must be COUNTRY");
        }

        @Test
        void a_subdivision_code_cannot_have_type_country() {
            var details = new RegionDetails("Nowhere", "Nowhere", RegionType.COUNTRY, null, null, null);

            assertThatThrownBy(() -> Region.register(RegionCode.of("CN-GX"), details))
                    .isInstanceOf(InvalidRegion.class)
                    .hasMessageContaining("subdivision");
        }

        @Test
        void an_unknown_type_is_refused_with_the_valid_ones() {
            assertThatThrownBy(() -> RegionType.parse("CITY"))
                    .isInstanceOf(InvalidRegion.class)
                    .hasMessageContaining("PROVINCE, AUTONOMOUS_REGION, MUNICIPALITY, SPECIAL_ADMINISTRATIVE_REGION, COUNTRY");
            assertThatThrownBy(() -> RegionType.parse(null)).isInstanceOf(InvalidRegion.class);
        }

        @Test
        void name_native_name_and_type_are_required() {
            assertThatThrownBy(() -> new RegionDetails(" ", "广西", RegionType.PROVINCE, null, null, null))
                    .hasMessageContaining("name is required");
            assertThatThrownBy(() -> new RegionDetails("Guangxi", null, RegionType.PROVINCE, null, null, null))
                    .hasMessageContaining("nativeName is required");
            assertThatThrownBy(() -> new RegionDetails("Guangxi", "广西", null, null, null, null))
                    .hasMessageContaining("type is required");
        }

        @Test
        void text_is_trimmed_and_blank_optional_text_is_absent() {
            var details = new RegionDetails("  Guangxi  ", "广西", RegionType.PROVINCE, " ", "", null);

            assertThat(details.name()).isEqualTo("Guangxi");
            assertThat(details.capital()).isNull();
            assertThat(details.signingAuthority()).isNull();
        }

        @Test
        void a_contact_email_must_look_like_one() {
            assertThatThrownBy(() -> new RegionDetails("Guangxi", "广西", RegionType.PROVINCE, null, null, "not-an-email"))
                    .isInstanceOf(InvalidRegion.class)
                    .hasMessageContaining("contactEmail");
            assertThat(new RegionDetails("Guangxi", "广西", RegionType.PROVINCE, null, null, "commerce@gx.gov.cn")
                    .contactEmail()).isEqualTo("commerce@gx.gov.cn");
        }

        @Test
        void overlong_text_is_refused() {
            assertThatThrownBy(() -> new RegionDetails("x".repeat(201), "广西", RegionType.PROVINCE, null, null, null))
                    .isInstanceOf(InvalidRegion.class)
                    .hasMessageContaining("longer than 200");
        }
    }

    @Nested
    class Changes {

        @Test
        void an_update_replaces_the_details_and_increments_the_version() {
            Region region = Region.register(RegionCode.of("CN-GX"), guangxi());
            var corrected = new RegionDetails("Guangxi Zhuang Autonomous Region", "广西壮族自治区",
                    RegionType.AUTONOMOUS_REGION, "Nanning", "Department of Commerce of Guangxi Zhuang Autonomous Region",
                    "commerce@gxzf.gov.cn");

            Region updated = region.update(corrected);

            assertThat(updated.details()).isEqualTo(corrected);
            assertThat(updated.version()).isEqualTo(2);
            assertThat(updated.code()).isEqualTo(region.code());
            assertThat(updated.active()).isTrue();
        }

        @Test
        void an_update_cannot_turn_a_subdivision_into_a_country() {
            Region region = Region.register(RegionCode.of("CN-GX"), guangxi());
            var asCountry = new RegionDetails("Guangxi", "广西", RegionType.COUNTRY, null, null, null);

            assertThatThrownBy(() -> region.update(asCountry)).isInstanceOf(InvalidRegion.class);
        }

        @Test
        void deactivation_keeps_the_region_and_increments_the_version() {
            Region region = Region.register(RegionCode.of("CN-GX"), guangxi());

            Region deactivated = region.deactivate();

            assertThat(deactivated.active()).isFalse();
            assertThat(deactivated.version()).isEqualTo(2);
            assertThat(deactivated.details()).isEqualTo(region.details());
        }

        @Test
        void deactivating_a_deactivated_region_changes_nothing() {
            Region deactivated = Region.register(RegionCode.of("CN-GX"), guangxi()).deactivate();

            assertThat(deactivated.canDeactivate()).isFalse();
            assertThat(deactivated.deactivate()).isSameAs(deactivated);
        }

        @Test
        void a_deactivated_region_stays_deactivated_when_its_details_are_corrected() {
            Region deactivated = Region.register(RegionCode.of("CN-GX"), guangxi()).deactivate();

            assertThat(deactivated.update(guangxi()).active()).isFalse();
        }
    }
}
