-- Reference data: the 34 entries of ISO 3166-2:CN and the member states of ASEAN.
--
-- Conventions (kept the same for every row; an operator corrects data through PUT /api/regions/{code}):
-- * name: the full English name of the subdivision ("Guangxi Zhuang Autonomous Region"); countries
--   carry their ISO 3166-1 short name. Codes are those of ISO 3166-2:CN since its 2017 update (two letters).
-- * native_name: the official name in the region's own language and script. Mainland subdivisions in
--   simplified Chinese; Hong Kong and Macao in traditional Chinese, the script their governments use;
--   countries: their full official name in the national language and its script.
-- * capital: the seat of the provincial-level government. A municipality (Beijing, Chongqing, Shanghai,
--   Tianjin) is a city at provincial level: its capital is given as the city itself, not the district
--   that hosts the municipal government (Tongzhou, Yuzhong, Huangpu, Hexi). The SARs likewise carry the
--   name of the city (Hong Kong, Macao). Xinjiang's capital Ürümqi is written "Urumqi".
-- * signing_authority: the body that signs cooperation agreements for the region: for provinces and
--   autonomous regions its Department of Commerce ("Department of Commerce of <name>"); for the four
--   municipalities, the SARs and the ASEAN members the actual body. CN-TW is listed by ISO 3166-2:CN as a
--   province, but no department of commerce acts for it, so its signing authority is left empty (NULL)
--   rather than naming a body that does not exist.
-- * contact_email: not part of the reference data (NULL); an operator sets it.
-- * Reference rows start with announced = FALSE: at startup the service appends one
--   concord.region.registered event per row to the outbox, so the compacted regions topic carries the
--   reference data too (see ReferenceDataAnnouncer).

-- ISO 3166-2:CN: 23 provinces (including CN-TW as listed by ISO), 5 autonomous regions,
-- 4 municipalities, 2 special administrative regions.
INSERT INTO region (code, name, native_name, region_type, country, capital, signing_authority, contact_email, active, version) VALUES
    ('CN-AH', 'Anhui Province', '安徽省', 'PROVINCE', 'CN', 'Hefei', 'Department of Commerce of Anhui Province', NULL, TRUE, 1),
    ('CN-BJ', 'Beijing Municipality', '北京市', 'MUNICIPALITY', 'CN', 'Beijing', 'Beijing Municipal Bureau of Commerce', NULL, TRUE, 1),
    ('CN-CQ', 'Chongqing Municipality', '重庆市', 'MUNICIPALITY', 'CN', 'Chongqing', 'Chongqing Municipal Commission of Commerce', NULL, TRUE, 1),
    ('CN-FJ', 'Fujian Province', '福建省', 'PROVINCE', 'CN', 'Fuzhou', 'Department of Commerce of Fujian Province', NULL, TRUE, 1),
    ('CN-GD', 'Guangdong Province', '广东省', 'PROVINCE', 'CN', 'Guangzhou', 'Department of Commerce of Guangdong Province', NULL, TRUE, 1),
    ('CN-GS', 'Gansu Province', '甘肃省', 'PROVINCE', 'CN', 'Lanzhou', 'Department of Commerce of Gansu Province', NULL, TRUE, 1),
    ('CN-GX', 'Guangxi Zhuang Autonomous Region', '广西壮族自治区', 'AUTONOMOUS_REGION', 'CN', 'Nanning', 'Department of Commerce of Guangxi Zhuang Autonomous Region', NULL, TRUE, 1),
    ('CN-GZ', 'Guizhou Province', '贵州省', 'PROVINCE', 'CN', 'Guiyang', 'Department of Commerce of Guizhou Province', NULL, TRUE, 1),
    ('CN-HA', 'Henan Province', '河南省', 'PROVINCE', 'CN', 'Zhengzhou', 'Department of Commerce of Henan Province', NULL, TRUE, 1),
    ('CN-HB', 'Hubei Province', '湖北省', 'PROVINCE', 'CN', 'Wuhan', 'Department of Commerce of Hubei Province', NULL, TRUE, 1),
    ('CN-HE', 'Hebei Province', '河北省', 'PROVINCE', 'CN', 'Shijiazhuang', 'Department of Commerce of Hebei Province', NULL, TRUE, 1),
    ('CN-HI', 'Hainan Province', '海南省', 'PROVINCE', 'CN', 'Haikou', 'Department of Commerce of Hainan Province', NULL, TRUE, 1),
    ('CN-HK', 'Hong Kong Special Administrative Region', '香港特別行政區', 'SPECIAL_ADMINISTRATIVE_REGION', 'CN', 'Hong Kong', 'Commerce and Economic Development Bureau', NULL, TRUE, 1),
    ('CN-HL', 'Heilongjiang Province', '黑龙江省', 'PROVINCE', 'CN', 'Harbin', 'Department of Commerce of Heilongjiang Province', NULL, TRUE, 1),
    ('CN-HN', 'Hunan Province', '湖南省', 'PROVINCE', 'CN', 'Changsha', 'Department of Commerce of Hunan Province', NULL, TRUE, 1),
    ('CN-JL', 'Jilin Province', '吉林省', 'PROVINCE', 'CN', 'Changchun', 'Department of Commerce of Jilin Province', NULL, TRUE, 1),
    ('CN-JS', 'Jiangsu Province', '江苏省', 'PROVINCE', 'CN', 'Nanjing', 'Department of Commerce of Jiangsu Province', NULL, TRUE, 1),
    ('CN-JX', 'Jiangxi Province', '江西省', 'PROVINCE', 'CN', 'Nanchang', 'Department of Commerce of Jiangxi Province', NULL, TRUE, 1),
    ('CN-LN', 'Liaoning Province', '辽宁省', 'PROVINCE', 'CN', 'Shenyang', 'Department of Commerce of Liaoning Province', NULL, TRUE, 1),
    ('CN-MO', 'Macao Special Administrative Region', '澳門特別行政區', 'SPECIAL_ADMINISTRATIVE_REGION', 'CN', 'Macao', 'Economic and Technological Development Bureau', NULL, TRUE, 1),
    ('CN-NM', 'Inner Mongolia Autonomous Region', '内蒙古自治区', 'AUTONOMOUS_REGION', 'CN', 'Hohhot', 'Department of Commerce of Inner Mongolia Autonomous Region', NULL, TRUE, 1),
    ('CN-NX', 'Ningxia Hui Autonomous Region', '宁夏回族自治区', 'AUTONOMOUS_REGION', 'CN', 'Yinchuan', 'Department of Commerce of Ningxia Hui Autonomous Region', NULL, TRUE, 1),
    ('CN-QH', 'Qinghai Province', '青海省', 'PROVINCE', 'CN', 'Xining', 'Department of Commerce of Qinghai Province', NULL, TRUE, 1),
    ('CN-SC', 'Sichuan Province', '四川省', 'PROVINCE', 'CN', 'Chengdu', 'Department of Commerce of Sichuan Province', NULL, TRUE, 1),
    ('CN-SD', 'Shandong Province', '山东省', 'PROVINCE', 'CN', 'Jinan', 'Department of Commerce of Shandong Province', NULL, TRUE, 1),
    ('CN-SH', 'Shanghai Municipality', '上海市', 'MUNICIPALITY', 'CN', 'Shanghai', 'Shanghai Municipal Commission of Commerce', NULL, TRUE, 1),
    ('CN-SN', 'Shaanxi Province', '陕西省', 'PROVINCE', 'CN', 'Xi''an', 'Department of Commerce of Shaanxi Province', NULL, TRUE, 1),
    ('CN-SX', 'Shanxi Province', '山西省', 'PROVINCE', 'CN', 'Taiyuan', 'Department of Commerce of Shanxi Province', NULL, TRUE, 1),
    ('CN-TJ', 'Tianjin Municipality', '天津市', 'MUNICIPALITY', 'CN', 'Tianjin', 'Tianjin Municipal Bureau of Commerce', NULL, TRUE, 1),
    ('CN-TW', 'Taiwan Province', '台湾省', 'PROVINCE', 'CN', 'Taipei', NULL, NULL, TRUE, 1),
    ('CN-XJ', 'Xinjiang Uygur Autonomous Region', '新疆维吾尔自治区', 'AUTONOMOUS_REGION', 'CN', 'Urumqi', 'Department of Commerce of Xinjiang Uygur Autonomous Region', NULL, TRUE, 1),
    ('CN-XZ', 'Xizang Autonomous Region', '西藏自治区', 'AUTONOMOUS_REGION', 'CN', 'Lhasa', 'Department of Commerce of Xizang Autonomous Region', NULL, TRUE, 1),
    ('CN-YN', 'Yunnan Province', '云南省', 'PROVINCE', 'CN', 'Kunming', 'Department of Commerce of Yunnan Province', NULL, TRUE, 1),
    ('CN-ZJ', 'Zhejiang Province', '浙江省', 'PROVINCE', 'CN', 'Hangzhou', 'Department of Commerce of Zhejiang Province', NULL, TRUE, 1);

-- ASEAN member states (ISO 3166-1 alpha-2), as countries. Timor-Leste (TL) was admitted as the
-- 11th member of ASEAN at the 47th ASEAN Summit in Kuala Lumpur in October 2025 and is included.
INSERT INTO region (code, name, native_name, region_type, country, capital, signing_authority, contact_email, active, version) VALUES
    ('BN', 'Brunei Darussalam', 'Negara Brunei Darussalam', 'COUNTRY', 'BN', 'Bandar Seri Begawan', 'Ministry of Finance and Economy', NULL, TRUE, 1),
    ('KH', 'Cambodia', 'ព្រះរាជាណាចក្រកម្ពុជា', 'COUNTRY', 'KH', 'Phnom Penh', 'Ministry of Commerce', NULL, TRUE, 1),
    ('ID', 'Indonesia', 'Republik Indonesia', 'COUNTRY', 'ID', 'Jakarta', 'Ministry of Trade', NULL, TRUE, 1),
    ('LA', 'Lao People''s Democratic Republic', 'ສາທາລະນະລັດ ປະຊາທິປະໄຕ ປະຊາຊົນລາວ', 'COUNTRY', 'LA', 'Vientiane', 'Ministry of Industry and Commerce', NULL, TRUE, 1),
    ('MY', 'Malaysia', 'Malaysia', 'COUNTRY', 'MY', 'Kuala Lumpur', 'Ministry of Investment, Trade and Industry', NULL, TRUE, 1),
    ('MM', 'Myanmar', 'ပြည်ထောင်စု သမ္မတ မြန်မာနိုင်ငံတော်', 'COUNTRY', 'MM', 'Nay Pyi Taw', 'Ministry of Commerce', NULL, TRUE, 1),
    ('PH', 'Philippines', 'Republika ng Pilipinas', 'COUNTRY', 'PH', 'Manila', 'Department of Trade and Industry', NULL, TRUE, 1),
    ('SG', 'Singapore', 'Republik Singapura', 'COUNTRY', 'SG', 'Singapore', 'Ministry of Trade and Industry', NULL, TRUE, 1),
    ('TH', 'Thailand', 'ราชอาณาจักรไทย', 'COUNTRY', 'TH', 'Bangkok', 'Ministry of Commerce', NULL, TRUE, 1),
    ('VN', 'Viet Nam', 'Cộng hòa Xã hội Chủ nghĩa Việt Nam', 'COUNTRY', 'VN', 'Hanoi', 'Ministry of Industry and Trade', NULL, TRUE, 1),
    ('TL', 'Timor-Leste', 'Repúblika Demokrátika Timór-Leste', 'COUNTRY', 'TL', 'Dili', 'Ministry of Commerce and Industry', NULL, TRUE, 1);
